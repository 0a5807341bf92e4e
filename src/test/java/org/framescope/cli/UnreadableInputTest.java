package org.framescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.framescope.cli.IngestCommandTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.SparkExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of unreadable input file: one line naming the file and the problem, exit 2, no
 * stack trace unless asked; with {@code --on-unreadable-file skip}, a row in rejects each and
 * counts that reconcile.
 */
@ExtendWith(SparkExtension.class)
class UnreadableInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path tmp;
  private byte[] jsonl;

  @BeforeEach
  void records() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      b.append("{\"article_id\":\"a").append(i).append("\",\"source\":\"S").append(i % 3)
          .append("\",\"published\":\"2020-01-0").append(1 + i % 9)
          .append("\",\"title\":\"Talks ").append(i).append("\",\"text\":\"Article ").append(i)
          .append(" says the talks in city ").append(i).append(" went on for ").append(i)
          .append(" hours.\"}\n");
    }
    jsonl = b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  /** Runs ingest; returns the exit code, the error text in err[0]. */
  private static int ingest(String[] err, String... args) {
    StringWriter w = new StringWriter();
    String[] all = new String[args.length + 1];
    all[0] = "ingest";
    System.arraycopy(args, 0, all, 1, args.length);
    int code = run(w, all);
    err[0] = w.toString();
    return code;
  }

  /** One line naming the file and problem, and how to go on without it when others remain. */
  private static void assertOneLine(String err, String file, String problem) {
    assertThat(err.lines().toList()).hasSize(1);
    assertThat(err).startsWith("framescope: input file " + file + ": ").contains(problem)
        .contains("--on-unreadable-file skip").doesNotContain("\tat ");
  }

  /** As above, for an input whose only file is unreadable: skipping it would leave nothing. */
  private static void assertOnlyFile(String err, String file, String problem) {
    assertThat(err.lines().toList()).hasSize(1);
    assertThat(err.strip()).startsWith("framescope: input file " + file + ": ").contains(problem)
        .endsWith("; nothing else of the input can be read").doesNotContain("\tat ");
  }

  @Test
  void randomBytesNamedParquet() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    byte[] noise = new byte[4096];
    new Random(1).nextBytes(noise);
    Path bad = Files.write(in.resolve("part-0.parquet"), noise);
    String[] err = new String[1];
    assertThat(ingest(err, "--input", in.toString(), "--output", tmp.resolve("out").toString()))
        .isEqualTo(Main.SETUP_ERROR);
    assertOnlyFile(err[0], bad.toString(), "not a Parquet file, or a truncated one");
    assertThat(tmp.resolve("out/run.json")).doesNotExist();
  }

  @Test
  void aTruncatedParquetFileAmongGoodOnesIsSkippedWhenAskedAndRecorded(SparkSession spark)
      throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path json = Files.write(tmp.resolve("r.jsonl"), jsonl);
    spark.read().json(json.toString()).coalesce(1).write().parquet(tmp.resolve("pq").toString());
    Path part;
    try (var s = Files.list(tmp.resolve("pq"))) {
      part = s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Files.copy(part, in.resolve("good.parquet"));
    byte[] whole = Files.readAllBytes(part);
    Path cut = Files.write(in.resolve("cut.parquet"), java.util.Arrays.copyOf(whole,
        whole.length / 2));

    String[] err = new String[1];
    String out = tmp.resolve("out").toString();
    assertThat(ingest(err, "--input", in.toString(), "--output", out)).isEqualTo(Main.SETUP_ERROR);
    assertOneLine(err[0], cut.toString(), "not a Parquet file, or a truncated one");

    assertThat(ingest(err, "--input", in.toString(), "--output", out, "--on-unreadable-file",
        "skip")).as(err[0]).isZero();
    JsonNode runJson = JSON.readTree(tmp.resolve("out/run.json").toFile());
    assertThat(runJson.get("files_unreadable").asLong()).isEqualTo(1);
    assertThat(runJson.get("input_files").asLong()).isEqualTo(2);
    assertThat(runJson.get("records_read").asLong()).isEqualTo(30);
    assertThat(runJson.get("articles_accepted").asLong()
        + runJson.get("records_rejected").asLong()).isEqualTo(30 + 1);
    List<Row> rejects = spark.read().parquet(out + "/rejects").collectAsList();
    assertThat(rejects).hasSize(1);
    assertThat(rejects.get(0).<String>getAs("reason")).isEqualTo("unreadable_file");
    assertThat(rejects.get(0).<String>getAs("input_file")).isEqualTo("file:" + cut);
    assertThat(rejects.get(0).<String>getAs("detail")).contains("truncated");
  }

  @Test
  void aTruncatedGzipIsFoundBeforeAnyRecordIsReadAndSkippedWhenAsked(SparkSession spark)
      throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.write(in.resolve("a.jsonl.gz"), gzip(jsonl));
    byte[] whole = gzip(jsonl);
    Path cut = Files.write(in.resolve("b.jsonl.gz"), java.util.Arrays.copyOf(whole,
        whole.length - 20));
    String[] err = new String[1];
    String out = tmp.resolve("out").toString();
    assertThat(ingest(err, "--input", in.toString(), "--output", out)).isEqualTo(Main.SETUP_ERROR);
    assertOneLine(err[0], cut.toString(), "truncated: the compressed data ends early");

    assertThat(ingest(err, "--input", in.toString(), "--output", out, "--on-unreadable-file",
        "skip")).as(err[0]).isZero();
    JsonNode runJson = JSON.readTree(tmp.resolve("out/run.json").toFile());
    assertThat(runJson.get("records_read").asLong()).as("only the whole file's").isEqualTo(30);
    assertThat(runJson.get("rejected_by_reason").get("unreadable_file").asLong()).isEqualTo(1);
  }

  @Test
  void aCsvHeaderThatIsNotUtf8() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    byte[] header = "source,te\u00ffxt\nS,hello\n".getBytes(StandardCharsets.ISO_8859_1);
    Path bad = Files.write(in.resolve("a.csv"), header);
    String[] err = new String[1];
    assertThat(ingest(err, "--input", in.toString(), "--output", tmp.resolve("out").toString()))
        .isEqualTo(Main.SETUP_ERROR);
    assertOnlyFile(err[0], bad.toString(), "its header (first line) is not valid UTF-8 (byte 10)");
  }

  @Test
  void aFolderWithNoDataFiles() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("_SUCCESS"), "");
    Files.writeString(in.resolve(".hidden.jsonl"), "{}");
    String[] err = new String[1];
    assertThat(ingest(err, "--input", in.toString(), "--format", "jsonl", "--output",
        tmp.resolve("out").toString())).isEqualTo(Main.SETUP_ERROR);
    assertThat(err[0].strip()).isEqualTo("framescope: input " + in + " holds no data files "
        + "(names starting with _ or . are skipped)");
  }

  /**
   * Root reads every file whatever its mode, so as root (as CI runs) the job runs in a child JVM
   * without the capabilities that let root ignore permissions ({@code setpriv}).
   */
  @Test
  void aFileWithoutReadPermission() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.write(in.resolve("a.jsonl"), jsonl);
    Path locked = Files.write(in.resolve("b.jsonl"), jsonl);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    String out = tmp.resolve("out").toString();
    String[] err = new String[1];
    int code;
    if (!"root".equals(System.getProperty("user.name"))) {
      code = ingest(err, "--input", in.toString(), "--output", out);
    } else {
      Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")),
          "as root, the test needs setpriv to drop the capability to read any file");
      List<String> cmd = new java.util.ArrayList<>(List.of("/usr/bin/setpriv",
          "--bounding-set=-dac_override,-dac_read_search",
          Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      for (String flag : Files.readAllLines(Path.of("jobs/jvm-flags"))) {
        if (!flag.isBlank()) {
          cmd.add(flag.strip());
        }
      }
      cmd.addAll(List.of("-Xmx1g", "-cp", System.getProperty("java.class.path"),
          Main.class.getName(), "ingest", "--master", "local[2]", "--input", in.toString(),
          "--output", out));
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
      Process p = pb.start();
      String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      code = p.exitValue();
      // Spark's own warnings share the child's stderr; framescope's line starts with its name.
      err[0] = stderr.lines().filter(l -> l.startsWith("framescope")).reduce("",
          (x, y) -> x + y + "\n");
    }
    assertThat(code).as(err[0]).isEqualTo(Main.SETUP_ERROR);
    assertOneLine(err[0], locked.toString(), "cannot be read: permission denied");
  }

  @Test
  void verbosePrintsTheStackTraceAfterTheLine() throws IOException {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.write(in.resolve("a.parquet"), "not parquet at all".getBytes(StandardCharsets.UTF_8));
    String[] err = new String[1];
    assertThat(ingest(err, "--input", in.toString(), "--output", tmp.resolve("out").toString(),
        "--verbose")).isEqualTo(Main.SETUP_ERROR);
    assertThat(err[0].lines().findFirst().orElseThrow()).startsWith("framescope: input file ");
    assertThat(err[0]).contains("\tat org.framescope.pipeline.IngestStage.run");
  }
}
