package org.framescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.framescope.cli.IngestCommandTest.run;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.framescope.Seeds;
import org.framescope.SparkExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The output folder rules: refuse, overwrite only our tables, never publish half a run. */
@ExtendWith(SparkExtension.class)
class OutputSafetyTest {
  @TempDir Path tmp;

  private static String[] ingest(Path out, String... extra) {
    return Stream.concat(Stream.of("ingest", "--input", Seeds.folder().toString(), "--output",
        out.toString()), Stream.of(extra)).toArray(String[]::new);
  }

  private static String listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList().toString();
    }
  }

  @Test
  void refusesAForeignFolderAndOverwritesOnlyItsOwnTablesWhenTold(SparkSession spark)
      throws IOException {
    Path out = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(out.resolve("notes.txt"), "keep me");
    Files.createDirectories(out.resolve("figures"));
    Files.writeString(Files.createDirectories(out.resolve("_staging")).resolve("theirs.txt"),
        "not framescope's");

    StringWriter err = new StringWriter();
    assertThat(run(err, ingest(out))).isEqualTo(Main.SETUP_ERROR);
    assertThat(err.toString()).contains("is not empty and is not a framescope output")
        .contains("--overwrite");
    assertThat(listing(out)).isEqualTo("[_staging, figures, notes.txt]");

    assertThat(run(new StringWriter(), ingest(out, "--overwrite"))).isZero();
    assertThat(listing(out)).isEqualTo(
        "[_FRAMESCOPE, _staging, articles, boilerplate, duplicates, figures, notes.txt, rejects, "
            + "report.html, run.json]");
    assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("keep me");
    assertThat(out.resolve("_staging/theirs.txt")).as("a foreign folder's _staging is theirs")
        .hasContent("not framescope's");
    assertThat(run(new StringWriter(), ingest(out))).as("now framescope's own").isZero();
    assertThat(out.resolve("_staging/theirs.txt")).as("and still theirs")
        .hasContent("not framescope's");
  }

  @Test
  void rerunsIntoItsOwnOutputWithoutAFlag(SparkSession spark) throws IOException {
    Path out = tmp.resolve("out");
    assertThat(run(new StringWriter(), ingest(out))).isZero();
    String first = Files.readString(out.resolve("run.json"));
    assertThat(run(new StringWriter(), ingest(out))).isZero();
    assertThat(listing(out)).isEqualTo(
        "[_FRAMESCOPE, articles, boilerplate, duplicates, rejects, report.html, run.json]");
    assertThat(Files.readString(out.resolve("run.json"))).isNotEqualTo(first);
    assertThat(spark.read().parquet(out.resolve("articles").toString()).count()).isEqualTo(5);
    // Without a report, the earlier one goes: it would describe the tables it replaced.
    assertThat(run(new StringWriter(), ingest(out, "--no-report"))).isZero();
    assertThat(listing(out))
        .isEqualTo("[_FRAMESCOPE, articles, boilerplate, duplicates, rejects, run.json]");
    assertThat(Files.readString(out.resolve("run.json"))).doesNotContain("report.html");
  }

  @Test
  void aRunThatFailsMidwayLeavesNothingThatLooksComplete(SparkSession spark) throws IOException {
    Path csv = tmp.resolve("c.csv");
    Files.writeString(csv, "body,source\nSome text.,A\n");
    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    // The mapped column is checked once Spark reads the header, after staging has begun.
    assertThat(run(err, "ingest", "--input", csv.toString(), "--output", out.toString(),
        "--map", "text=content")).isEqualTo(Main.SETUP_ERROR);
    assertThat(err.toString()).contains("--map text=content: the input has no column 'content'");
    assertThat(listing(out)).isEqualTo("[_FRAMESCOPE]");
  }

  @Test
  void aFailedRunKeepsTheEarlierCompleteOutputIntact(SparkSession spark) throws IOException {
    Path out = tmp.resolve("out");
    assertThat(run(new StringWriter(), ingest(out))).isZero();
    String before = Files.readString(out.resolve("run.json"));
    Path csv = tmp.resolve("c.csv");
    Files.writeString(csv, "body,source\nSome text.,A\n");
    assertThat(run(new StringWriter(), "ingest", "--input", csv.toString(), "--output",
        out.toString(), "--map", "text=content")).isEqualTo(Main.SETUP_ERROR);
    assertThat(Files.readString(out.resolve("run.json"))).isEqualTo(before);
    assertThat(listing(out)).isEqualTo(
        "[_FRAMESCOPE, articles, boilerplate, duplicates, rejects, report.html, run.json]");
  }

  @Test
  void anOutputThatIsAFileIsASetupError(SparkSession spark) throws IOException {
    Path file = Files.writeString(tmp.resolve("out.txt"), "x");
    StringWriter err = new StringWriter();
    assertThat(run(err, ingest(file))).isEqualTo(Main.SETUP_ERROR);
    assertThat(err.toString()).contains("is a file, not a folder");
    assertThat(Files.readString(file)).isEqualTo("x");
  }
}
