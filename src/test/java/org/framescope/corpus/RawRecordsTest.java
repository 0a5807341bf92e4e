package org.framescope.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.SparkExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class RawRecordsTest {
  @TempDir Path dir;

  private List<Row> read(SparkSession spark, Path path, InputFormat format) {
    return RawRecords.read(spark, path.toString(), format)
        .orderBy(RawRecords.RECORD).collectAsList();
  }

  @Test
  void jsonLinesKeepNonStringValuesAsTextAndFlagBadLines(SparkSession spark) throws IOException {
    Path f = dir.resolve("c.jsonl");
    Files.writeString(f, String.join("\n",
        "{\"source\":\"A\",\"text\":\"t1\",\"views\":12,\"tags\":[\"x\"]}",
        "",
        "{not json",
        "[1,2]",
        "{\"source\":null,\"text\":\"t2\"}"));
    List<Row> rows = read(spark, f, InputFormat.JSONL);
    assertThat(rows).hasSize(4);
    Row bad = rows.stream().filter(r -> r.getString(1).equals("{not json")).findFirst().get();
    assertThat(bad.isNullAt(2)).isTrue();
    assertThat(bad.getString(3)).isEqualTo("not a JSON object");
    Row first = rows.stream().filter(r -> r.getString(1).contains("views")).findFirst().get();
    Map<String, String> fields = first.getJavaMap(2);
    assertThat(fields).containsEntry("source", "A").containsEntry("views", "12")
        .containsEntry("tags", "[\"x\"]");
    assertThat(first.getString(0)).endsWith("c.jsonl");
    Row array = rows.stream().filter(r -> r.getString(1).equals("[1,2]")).findFirst().get();
    assertThat(array.getString(3)).isEqualTo("not a JSON object");
  }

  @Test
  void csvWithQuotedMultiLineFieldsAndDoubledQuotes(SparkSession spark) throws IOException {
    Path f = dir.resolve("c.csv");
    Files.writeString(f, "source,content,date\n"
        + "A,\"First line\nsecond line, with comma\",2018-09-12\n"
        + "B,\"He said \"\"bloodbath\"\"\",2018-09-13\n");
    List<Row> rows = read(spark, f, InputFormat.CSV);
    assertThat(rows).hasSize(2);
    assertThat(rows).extracting(r -> r.<String, String>getJavaMap(2).get("content"))
        .containsExactlyInAnyOrder("First line\nsecond line, with comma", "He said \"bloodbath\"");
    assertThat(rows).allSatisfy(r -> assertThat(r.isNullAt(3)).isTrue());
    assertThat(RawRecords.declaredColumns(spark, f.toString(), InputFormat.CSV, null))
        .containsExactly("source", "content", "date");
  }

  @Test
  void parquetColumnsOfAnyTypeBecomeText(SparkSession spark) {
    String path = dir.resolve("p.parquet").toString();
    spark.sql("SELECT 'A' AS source, 'text one' AS text, DATE'2018-09-12' AS published, "
        + "7 AS n, array('a','b') AS tags").write().parquet(path);
    List<Row> rows = read(spark, Path.of(path), InputFormat.PARQUET);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).<String, String>getJavaMap(2))
        .containsEntry("published", "2018-09-12").containsEntry("n", "7")
        .containsEntry("tags", "[\"a\",\"b\"]");
  }

  @Test
  void textFolderJoinsFilesToTheManifestAndReportsBothKindsOfMismatch(SparkSession spark)
      throws IOException {
    Files.writeString(dir.resolve("manifest.csv"),
        "file,source,published,title,notes\n"
            + "a.txt,A,2018-09-12,\"Title, with comma\",x\n"
            + "gone.txt,B,2018-09-13,,\n");
    Files.write(dir.resolve("a.txt"), "Body of a.".getBytes(StandardCharsets.UTF_8));
    Files.write(dir.resolve("stray.txt"), "Nobody listed me.".getBytes(StandardCharsets.UTF_8));
    Files.writeString(dir.resolve("notes.md"), "not a corpus file");
    List<Row> rows = RawRecords.read(spark, dir.toString(), InputFormat.TEXT)
        .orderBy(RawRecords.INPUT_FILE, RawRecords.RECORD).collectAsList();
    assertThat(rows).hasSize(3);
    Row a = rows.stream().filter(r -> r.getString(0).endsWith("/a.txt")).findFirst().get();
    assertThat(a.<String, String>getJavaMap(2)).containsEntry("source", "A")
        .containsEntry("title", "Title, with comma");
    assertThat(new String((byte[]) a.get(4), StandardCharsets.UTF_8)).isEqualTo("Body of a.");
    assertThat(rows).extracting(r -> r.getString(3)).containsExactlyInAnyOrder(null,
        "missing_file:manifest lists gone.txt, which is not in the folder",
        "unlisted_file:file is not listed in manifest.csv");
  }

  @Test
  void aTextFolderWithoutAFileColumnIsASetupError(SparkSession spark) throws IOException {
    Files.writeString(dir.resolve("manifest.csv"), "name,source\na.txt,A\n");
    assertThatThrownBy(() -> RawRecords.read(spark, dir.toString(), InputFormat.TEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no 'file' column");
  }
}
