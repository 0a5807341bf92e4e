package org.framescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.framescope.Seeds;
import org.framescope.SparkExtension;
import org.framescope.cli.CliRunner;
import org.framescope.io.OutputFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real YARN over a real HDFS (MiniYARNCluster and MiniDFSCluster, each its own JVM on
 * 127.0.0.1; containers are processes the NodeManager launches), submitted with jobs/submit
 * {@code --master yarn}, reading {@code hdfs://} and writing {@code hdfs://}: a generated corpus
 * in client deploy mode, the sample in cluster deploy mode with one executor's container killed
 * mid-run. Every output table must equal a {@code local[2]} run's. The output folder's rules hold
 * on HDFS: a run replaces an earlier output whole, and a foreign folder is refused and left as
 * it was.
 */
@Tag("cluster")
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class YarnIT {
  private static final Path HOME = Path.of(System.getProperty("framescope.home", ".")).toAbsolutePath();
  private Path dir;
  private Path refSample;
  private Path refCorpus;
  private HadoopCluster cluster;
  private FileSystem hdfs;

  @BeforeAll
  void setUp(@TempDir Path tmp) throws Exception {
    dir = tmp;
    Path corpus = tmp.resolve("corpus");
    StringWriter err = new StringWriter();
    assertThat(CliRunner.run(err, "generate", "--articles", "150", "--sources", "3", "--seed",
        "23", "--output", corpus.toString())).as(err.toString()).isZero();
    refSample = ReferenceRuns.of(Seeds.folder());
    refCorpus = ReferenceRuns.of(corpus);
    List<String> flags = Files.readAllLines(HOME.resolve("jobs/jvm-flags")).stream()
        .filter(l -> !l.isBlank()).toList();
    String classpath = System.getProperty("framescope.testClasses") + ":" + Files.readString(
        Path.of(System.getProperty("framescope.testClasspathFile"))).strip();
    cluster = HadoopCluster.start(tmp.resolve("hadoop"),
        Path.of(System.getProperty("framescope.sparkHome")).resolve("jars"), classpath, flags);
    hdfs = FileSystem.get(java.net.URI.create(cluster.hdfs()), cluster.clientConfiguration());
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(Seeds.folder().toUri()),
        new org.apache.hadoop.fs.Path("/corpora/sample"));
    hdfs.copyFromLocalFile(new org.apache.hadoop.fs.Path(corpus.toUri()),
        new org.apache.hadoop.fs.Path("/corpora/generated"));
  }

  @AfterAll
  void tearDown() {
    if (cluster != null) {
      cluster.close();
      assertThat(cluster.executors()).isEmpty();
    }
  }

  private String hdfs(String path) {
    return cluster.hdfs() + path;
  }

  private Process submit(String name, List<String> sparkArgs, List<String> jobArgs)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(HOME.resolve("jobs/submit").toString());
    cmd.addAll(List.of("--master", "yarn", "--num-executors", "2", "--executor-cores", "1",
        "--executor-memory", "1g", "--driver-memory", "1g"));
    cmd.addAll(cluster.sparkConf());
    cmd.addAll(sparkArgs);
    cmd.add("--");
    cmd.addAll(jobArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().putAll(cluster.environment());
    return pb.start();
  }

  private void finishes(Process p, String name) throws Exception {
    boolean ended = p.waitFor(10, TimeUnit.MINUTES);
    String log = Files.readString(dir.resolve(name + ".log"));
    assertThat(ended).as(name + " finished: " + log).isTrue();
    assertThat(p.exitValue()).as(name + ": " + log + cluster.containerLogs()).isZero();
  }

  private org.apache.hadoop.fs.Path in(String folder, String name) {
    return new org.apache.hadoop.fs.Path(folder, name);
  }

  /** The output is complete: every table equal to the reference's, run.json there, no staging. */
  private void sameTables(SparkSession spark, Path expected, String actual) throws IOException {
    SameTables.assertSame(spark, expected.toString(), actual);
    assertThat(hdfs.exists(in(actual, OutputFolder.RUN_JSON))).isTrue();
    org.apache.hadoop.fs.Path staging = in(actual, "_staging");
    assertThat(hdfs.exists(staging) && hdfs.listStatus(staging).length > 0)
        .as("a staging area left in " + actual).isFalse();
  }

  @Test
  @Order(1)
  void generatedCorpusInClientMode(SparkSession spark) throws Exception {
    String out = hdfs("/out/generated");
    finishes(submit("generated-client", List.of(), List.of("run", "--input",
        hdfs("/corpora/generated"), "--output", out, "--no-report")), "generated-client");
    sameTables(spark, refCorpus, out);
  }

  /**
   * The driver in a YARN container, writing over the earlier output on HDFS; an executor's
   * container killed ten seconds into its life: YARN gives Spark another and the failed tasks run
   * again. The sample's tables replace the generated corpus's whole, with nothing of them left.
   */
  @Test
  @Order(2)
  void sampleInClusterModeOverAnEarlierOutputSurvivesALostContainer(SparkSession spark)
      throws Exception {
    String out = hdfs("/out/generated");
    assertThat(hdfs.exists(in(out, OutputFolder.MARKER))).isTrue();
    long before = hdfs.getFileStatus(in(out, OutputFolder.RUN_JSON)).getModificationTime();
    Process p = submit("sample-cluster", List.of("--deploy-mode", "cluster",
        "--conf", "spark.yarn.submit.waitAppCompletion=true"),
        List.of("run", "--input", hdfs("/corpora/sample"), "--output", out));
    long pid = LostExecutor.killOne(cluster::executors, p);
    finishes(p, "sample-cluster");
    assertThat(cluster.containerLogs().toLowerCase(Locale.ROOT))
        .as("the driver saw the container of pid %d go", pid)
        .containsAnyOf("lost executor", "executorlostfailure", "container marked as failed",
            "killed by external signal");
    assertThat(hdfs.getFileStatus(in(out, OutputFolder.RUN_JSON)).getModificationTime())
        .isGreaterThan(before);
    sameTables(spark, refSample, out);
    assertThat(hdfs.getFileStatus(in(out, "report.html")).getLen()).isPositive();
  }

  /**
   * In cluster deploy mode a setup error ends the application as failed, with framescope's exit
   * code in YARN's diagnostics and its one-line message in the driver's log.
   */
  @Test
  @Order(3)
  void aFailedRunInClusterModeEndsTheApplicationAsFailed() throws Exception {
    String name = "missing-cluster";
    Process p = submit(name, List.of("--deploy-mode", "cluster",
        "--conf", "spark.yarn.submit.waitAppCompletion=true"),
        List.of("run", "--input", hdfs("/corpora/missing"), "--output", hdfs("/out/missing")));
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String log = Files.readString(dir.resolve(name + ".log"));
    assertThat(p.exitValue()).as(log).isNotZero();
    assertThat(log).contains("finished with failed status")
        .contains("User application exited with status 2");
    assertThat(cluster.containerLogs()).contains("framescope: ").contains("/corpora/missing");
    assertThat(hdfs.exists(new org.apache.hadoop.fs.Path(hdfs("/out/missing")))).isFalse();
  }

  /** A folder on HDFS that framescope did not write is refused, and nothing in it changes. */
  @Test
  @Order(4)
  void aForeignFolderOnHdfsIsRefused() throws Exception {
    org.apache.hadoop.fs.Path foreign = new org.apache.hadoop.fs.Path(hdfs("/projects/notes"));
    try (var o = hdfs.create(new org.apache.hadoop.fs.Path(foreign, "notes.txt"))) {
      o.write("somebody's notes\n".getBytes(StandardCharsets.UTF_8));
    }
    StringWriter err = new StringWriter();
    assertThat(CliRunner.run(err, "run", "--input", hdfs("/corpora/sample"), "--output",
        foreign.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not a framescope output").contains("/projects/notes");
    assertThat(hdfs.listStatus(foreign)).extracting(s -> s.getPath().getName())
        .containsExactly("notes.txt");
  }
}
