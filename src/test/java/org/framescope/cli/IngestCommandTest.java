package org.framescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.framescope.Seeds;
import org.framescope.SparkExtension;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.BoilerplateTable;
import org.framescope.schema.DuplicatesTable;
import org.framescope.schema.RejectsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The ingest command end to end: real files in, real Parquet tables and run.json out. */
@ExtendWith(SparkExtension.class)
class IngestCommandTest {
  @TempDir Path tmp;

  static int run(StringWriter err, String... args) {
    return Main.execute(new PrintWriter(err, true), args);
  }

  static JsonNode runJson(Path out) throws IOException {
    return new ObjectMapper().readTree(out.resolve("run.json").toFile());
  }

  static Dataset<Row> table(SparkSession spark, Path out, String name) {
    return spark.read().parquet(out.resolve(name).toString());
  }

  /** Each line that manifest.csv lists as page furniture, as it stands in the seed files. */
  private static final List<String> SEED_FURNITURE = List.of(
      "Newly displaced Syrians arrive at a refugee camp",
      "Source: TRTWorld and agencies",
      "date 2018-09-12",
      "Syrian rebel fighters in Idlib Province pile up sandbags",
      "With reporting by AFP, AP, Reuters, and the BBC",
      "Turkey lifts shutdown order on Bianet news site",
      "issues with commenting",
      "2,500 $",
      "1,698 $",
      "0 $",
      "Consider helping us",
      "UN Urges Putin, Erdogan To Help Avert",
      "Turkey to Russia: Syrian Offensive Triggering",
      "Turkey Seems Adamant In Its Attempts");

  @Test
  void seedCorpus(SparkSession spark) throws IOException {
    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    assertThat(run(err, "ingest", "--input", Seeds.folder().toString(), "--output",
        out.toString())).as(err.toString()).isZero();

    JsonNode m = runJson(out);
    assertThat(m.get("records_read").asLong()).isEqualTo(5);
    assertThat(m.get("records_rejected").asLong()).isZero();
    assertThat(m.get("articles_accepted").asLong()).isEqualTo(5);
    assertThat(m.get("duplicates").asLong()).isEqualTo(1);
    assertThat(m.get("input_format").asText()).isEqualTo("text");
    assertThat(m.get("versions").get("spark").asText()).isEqualTo("3.5.7");

    Map<String, Row> byFile = table(spark, out, ArticlesTable.NAME).collectAsList().stream()
        .collect(Collectors.toMap(r -> Path.of(r.<String>getAs("input_file")).getFileName()
            .toString().substring(0, 3), r -> r));
    assertThat(byFile).containsOnlyKeys("000", "001", "002", "003", "004");
    Row copy = byFile.get("001");
    assertThat(copy.<Boolean>getAs("is_duplicate")).isTrue();
    assertThat(copy.<String>getAs("duplicate_of"))
        .isEqualTo(byFile.get("000").<String>getAs("article_id"));
    assertThat(copy.<java.sql.Date>getAs("published").toString()).isEqualTo("2018-09-12");
    assertThat(byFile.values()).filteredOn(r -> r.<Boolean>getAs("is_duplicate")).hasSize(1);

    for (Row r : byFile.values()) {
      String text = r.getAs("text");
      for (String furniture : SEED_FURNITURE) {
        assertThat(text).as("text of %s", r.<String>getAs("input_file"))
            .doesNotContain(furniture);
      }
      assertThat(text).doesNotStartWith("0 $");
    }
    // News text survives, including the outlet's own loaded words and quotations.
    assertThat(byFile.get("003").<String>getAs("text"))
        .contains("The regime of Syrian dictator Bashar al-Assad announced");
    assertThat(byFile.get("004").<String>getAs("text"))
        .startsWith("On September 11th, Turkish President Recep Tayyip Erdogan warned");
    assertThat(byFile.get("000").<String>getAs("text"))
        .startsWith("A full-scale regime assault on Syria's last opposition");

    List<Row> dups = table(spark, out, DuplicatesTable.NAME).collectAsList();
    assertThat(dups).hasSize(1);
    assertThat(dups.get(0).<String>getAs("kind")).isEqualTo("near");
    assertThat(dups.get(0).<Double>getAs("containment")).isGreaterThan(0.95);

    assertThat(table(spark, out, BoilerplateTable.NAME)
        .filter("source = 'South Front' AND rule = 'donation_amount'").count()).isEqualTo(4);
  }

  @Test
  void writtenTablesHaveExactlyTheirSchemaClassShape(SparkSession spark) {
    Path out = tmp.resolve("out");
    assertThat(run(new StringWriter(), "run", "--input", Seeds.folder().toString(),
        "--output", out.toString())).isZero();
    org.framescope.ReadmeTest.TABLES.forEach((name, schema) -> {
      StructType actual = table(spark, out, name).schema();
      assertThat(actual.fieldNames()).as(name).containsExactly(schema.fieldNames());
      for (var f : schema.fields()) {
        assertThat(actual.apply(f.name()).dataType().asNullable())
            .as(name + "." + f.name()).isEqualTo(f.dataType().asNullable());
      }
    });
  }

  @Test
  void badInputIsRejectedOrRepairedAndTheCountsReconcile(SparkSession spark) throws IOException {
    String longText = "Shelling continued overnight in the province. ".repeat(70_000);
    String arabic = "\u0642\u0627\u0644 \u0627\u0644\u0645\u062A\u062D\u062F\u062B "
        + "\u0625\u0646 \u0627\u0644\u0647\u062C\u0648\u0645 \u0628\u062F\u0623 \uD83D\uDE80\uD83D\uDD25";
    List<String> lines = List.of(
        "{\"article_id\":\"ok-1\",\"source\":\"A\",\"published\":\"September 12, 2018\","
            + "\"text\":\"<p>Regime forces advanced.</p><p>Civilians fled &amp; hid.</p>\"}",
        "{\"source\":\"A\",\"published\":\"2018-09-12\"}",
        "{\"source\":\"   \",\"text\":\"A story without an outlet.\"}",
        "{\"source\":\"A\",\"text\":\"unterminated",
        "{\"source\":\"A\",\"published\":\"someday\",\"text\":\"A story with an odd date.\"}",
        "{\"source\":\"A\",\"published\":\"Wed, 12 Sep 2018 10:00:00 GMT\","
            + "\"text\":\"NUL\\u0000 bytes\\u0000 inside.\"}",
        "{\"source\":\"B\",\"text\":\"" + arabic + "\"}",
        "{\"source\":\"B\",\"text\":\"" + longText + "\"}",
        "{\"article_id\":\"same\",\"source\":\"B\",\"text\":\"First story with a shared id.\"}",
        "{\"article_id\":\"same\",\"source\":\"B\",\"text\":\"Second story with a shared id.\"}",
        "{\"source\":\"C\",\"text\":\"0 $\\n2,500 $\\nConsider helping us!\"}");
    Path in = tmp.resolve("bad.jsonl");
    byte[] body = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] invalid = "{\"source\":\"C\",\"text\":\"Broken \u00FF byte: X\"}\n"
        .getBytes(StandardCharsets.UTF_8);
    // Replace the UTF-8 form of U+00FF (C3 BF) by a lone C3: invalid UTF-8.
    int at = indexOf(invalid, (byte) 0xC3);
    invalid[at + 1] = (byte) ' ';
    Files.write(in, concat(body, invalid));

    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    assertThat(run(err, "ingest", "--input", in.toString(), "--output", out.toString()))
        .as(err.toString()).isZero();

    JsonNode m = runJson(out);
    long read = m.get("records_read").asLong();
    assertThat(read).isEqualTo(12);
    assertThat(m.get("articles_accepted").asLong() + m.get("records_rejected").asLong())
        .isEqualTo(read);
    assertThat(m.get("rejected_by_reason").toString()).isEqualTo(
        "{\"missing_source\":1,\"missing_text\":1,\"no_text_after_cleaning\":1,\"unparseable\":1}");
    assertThat(m.get("dates_unparsed").asLong()).isEqualTo(1);
    assertThat(m.get("ids_made_unique").asLong()).isEqualTo(1);
    assertThat(m.get("texts_repaired").toString())
        .isEqualTo("{\"control_chars\":1,\"html\":1,\"invalid_utf8\":1}");

    List<Row> rejects = table(spark, out, RejectsTable.NAME).collectAsList();
    assertThat(rejects).hasSize(4).allSatisfy(r -> {
      assertThat(r.<String>getAs("record")).isNotBlank();
      assertThat(r.<String>getAs("input_file")).endsWith("bad.jsonl");
      assertThat(r.<String>getAs("detail")).isNotBlank();
    });
    assertThat(rejects).filteredOn(r -> r.getAs("reason").equals("unparseable"))
        .extracting(r -> r.<String>getAs("record"))
        .containsExactly("{\"source\":\"A\",\"text\":\"unterminated");

    Map<String, String> textById = table(spark, out, ArticlesTable.NAME).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("article_id"), r -> r.getAs("text")));
    assertThat(textById).containsKeys("ok-1", "same", "same~2");
    assertThat(textById.get("ok-1")).isEqualTo("Regime forces advanced.\n\nCivilians fled & hid.");
    List<String> shortTexts = textById.values().stream().filter(t -> t.length() < 1000).toList();
    assertThat(shortTexts).contains(arabic, "NUL bytes inside.", "Broken \uFFFD  byte: X");
    assertThat(textById.values().stream().mapToInt(String::length).max().getAsInt())
        .isEqualTo(longText.strip().length());
    Row dated = table(spark, out, ArticlesTable.NAME).filter("article_id = 'ok-1'").first();
    assertThat(dated.<java.sql.Date>getAs("published").toString()).isEqualTo("2018-09-12");
  }

  /**
   * Hostile JSON lines, random but from a fixed seed: raw bytes, lines that are JSON but not
   * objects, JSON nested 10,000 deep, quotation marks nested 10,000 deep, a line of a million
   * characters, code points of every plane. Every line is an article or a reject, and the job
   * runs on through the analysis.
   */
  @Test
  void hostileLinesAreArticlesOrRejectsAndTheCountsReconcile(SparkSession spark)
      throws IOException {
    java.util.Random random = new java.util.Random(18);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<String> fixed = List.of("{", "[]", "null", "\"just a string\"", "[".repeat(10_000),
        "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000),
        json.writeValueAsString(java.util.Map.of("source", "S", "text",
            "\u201c".repeat(10_000) + "rebels" + "\u201d".repeat(10_000))),
        json.writeValueAsString(java.util.Map.of("source", "S", "text", "x".repeat(1_000_000))),
        json.writeValueAsString(java.util.Map.of("source", "", "text", "no source")));
    int lines = 0;
    for (String f : fixed) {
      bytes.write((f + "\n").getBytes(StandardCharsets.UTF_8));
      lines++;
    }
    for (int i = 0; i < 200; i++) {
      if (i % 4 == 0) {
        byte[] noise = new byte[1 + random.nextInt(200)];
        random.nextBytes(noise);
        for (int k = 0; k < noise.length; k++) {
          noise[k] = noise[k] == '\n' || noise[k] == '\r' ? (byte) 'x' : noise[k];
        }
        if (new String(noise, StandardCharsets.ISO_8859_1).isBlank()) {
          noise[0] = 'x';
        }
        bytes.write(noise);
      } else {
        StringBuilder text = new StringBuilder();
        for (int k = random.nextInt(60); k > 0; k--) {
          int pick = random.nextInt(6);
          text.append(pick == 0 ? "\u201c" : pick == 1 ? "\u201d" : pick == 2 ? "\"" : pick == 3
              ? new String(Character.toChars(random.nextInt(Character.MAX_CODE_POINT + 1)))
              : pick == 4 ? " the regime said " : "rebels. ");
        }
        java.util.Map<String, String> rec = new java.util.HashMap<>();
        rec.put("source", "S" + random.nextInt(3));
        rec.put("text", text.toString());
        rec.put("title", random.nextBoolean() ? "\u201cT" + i : null);
        bytes.write(json.writeValueAsBytes(rec));
      }
      bytes.write('\n');
      lines++;
    }
    Path in = Files.write(tmp.resolve("hostile.jsonl"), bytes.toByteArray());
    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    assertThat(run(err, "run", "--input", in.toString(), "--output", out.toString(),
        "--bootstrap", "20")).as(err.toString()).isZero();
    JsonNode m = runJson(out);
    assertThat(m.get("records_read").asLong()).isEqualTo(lines);
    assertThat(m.get("articles_accepted").asLong() + m.get("records_rejected").asLong())
        .isEqualTo(lines);
    assertThat(m.get("rejected_by_reason").get("unparseable").asLong()).isGreaterThanOrEqualTo(50);
    assertThat(spark.read().parquet(out.resolve("rejects").toString()).count())
        .isEqualTo(m.get("records_rejected").asLong());
  }

  @Test
  void csvAndParquetWithMappedColumns(SparkSession spark) throws IOException {
    Path csv = tmp.resolve("corpus.csv");
    Files.writeString(csv, "content,source_name,date\n"
        + "\"Government forces shelled the town.\n\nResidents fled north.\",Outlet A,2018-09-12\n"
        + "\"Rebels said \"\"no retreat\"\".\",Outlet B,12 September 2018\n");
    Path out = tmp.resolve("out-csv");
    StringWriter err = new StringWriter();
    assertThat(run(err, "ingest", "--input", csv.toString(), "--output", out.toString(),
        "--map", "text=content", "--map", "source=source_name", "--map", "published=date"))
        .as(err.toString()).isZero();
    List<Row> rows = table(spark, out, ArticlesTable.NAME).orderBy("source").collectAsList();
    assertThat(rows).extracting(r -> r.getAs("source") + "|" + r.getAs("published") + "|"
        + r.getAs("text")).containsExactly(
            "Outlet A|2018-09-12|Government forces shelled the town.\n\nResidents fled north.",
            "Outlet B|2018-09-12|Rebels said \"no retreat\".");

    Path parquet = tmp.resolve("corpus.parquet");
    spark.sql("SELECT 'Outlet C' AS outlet, 'Troops massed near the border.' AS body, "
        + "TIMESTAMP'2018-09-12 08:00:00' AS ts").write().parquet(parquet.toString());
    Path out2 = tmp.resolve("out-parquet");
    assertThat(run(err, "ingest", "--input", parquet.toString(), "--output", out2.toString(),
        "--map", "text=body", "--map", "source=outlet", "--map", "published=ts"))
        .as(err.toString()).isZero();
    Row r = table(spark, out2, ArticlesTable.NAME).first();
    assertThat(r.<String>getAs("source")).isEqualTo("Outlet C");
    assertThat(r.<java.sql.Date>getAs("published").toString()).isEqualTo("2018-09-12");
  }

  private static int indexOf(byte[] a, byte b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == b) {
        return i;
      }
    }
    throw new IllegalArgumentException();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = new byte[a.length + b.length];
    System.arraycopy(a, 0, c, 0, a.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
