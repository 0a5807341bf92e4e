package org.framescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.SparkSession;
import org.framescope.Seeds;
import org.framescope.SparkExtension;
import org.framescope.cli.CliRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on a real Spark standalone cluster (a Master and two Workers, each its own JVM, on
 * 127.0.0.1), submitted with jobs/submit in client and in cluster deploy mode, on the sample and
 * on a generated corpus of 1,000 articles; one run loses an executor, killed by its pid. Every
 * output table must equal a local[2] run's.
 */
@Tag("cluster")
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {
  private static final Path HOME = Path.of(System.getProperty("framescope.home", ".")).toAbsolutePath();
  private Path dir;
  private Path corpus;
  private Path refSample;
  private Path refCorpus;
  private LocalCluster cluster;

  @BeforeAll
  void setUp(@TempDir Path tmp) throws Exception {
    dir = tmp;
    corpus = tmp.resolve("corpus");
    refCorpus = tmp.resolve("ref-corpus");
    StringWriter err = new StringWriter();
    assertThat(CliRunner.run(err, "generate", "--articles", "1000", "--sources", "5", "--seed",
        "11", "--output", corpus.toString())).as(err.toString()).isZero();
    refSample = ReferenceRuns.of(Seeds.folder());
    assertThat(CliRunner.run(err, "run", "--input", corpus.toString(), "--output",
        refCorpus.toString())).as(err.toString()).isZero();
    List<String> flags = Files.readAllLines(HOME.resolve("jobs/jvm-flags")).stream()
        .filter(l -> !l.isBlank()).toList();
    cluster = LocalCluster.start(tmp.resolve("cluster"),
        Path.of(System.getProperty("framescope.sparkHome")).resolve("jars"), flags, 2, 2);
  }

  @AfterAll
  void tearDown() throws InterruptedException {
    if (cluster != null) {
      cluster.close();
      TimeUnit.SECONDS.sleep(1);
      assertThat(cluster.executors()).isEmpty();
      assertThat(cluster.portsClosed()).isTrue();
    }
  }

  private Process submit(String name, List<String> sparkArgs, String input, Path output)
      throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(HOME.resolve("jobs/submit").toString());
    cmd.addAll(List.of("--master", cluster.masterUrl(), "--conf", "spark.executor.cores=1",
        "--conf", "spark.executor.memory=1g", "--conf", "spark.ui.enabled=false"));
    cmd.addAll(sparkArgs);
    cmd.addAll(List.of("--", "run", "--input", input, "--output", output.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().putAll(cluster.environment());
    return pb.start();
  }

  private static final List<String> CLUSTER_MODE = List.of("--deploy-mode", "cluster",
      "--conf", "spark.driver.memory=1g", "--conf", "spark.driver.cores=1",
      "--conf", "spark.standalone.submit.waitAppCompletion=true");

  private void finishes(Process p, String name) throws Exception {
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as(name + " finished").isTrue();
    assertThat(p.exitValue()).as(name + ": " + Files.readString(dir.resolve(name + ".log")))
        .isZero();
  }

  @Test
  void sampleInClientMode(SparkSession spark) throws Exception {
    Path out = dir.resolve("sample-client");
    finishes(submit("sample-client", List.of(), Seeds.folder().toString(), out), "sample-client");
    assertSameTables(spark, refSample, out);
  }

  @Test
  void sampleInClusterMode(SparkSession spark) throws Exception {
    Path out = dir.resolve("sample-cluster");
    finishes(submit("sample-cluster", CLUSTER_MODE, Seeds.folder().toString(), out),
        "sample-cluster");
    assertSameTables(spark, refSample, out);
  }

  @Test
  void generatedCorpusInClusterMode(SparkSession spark) throws Exception {
    Path out = dir.resolve("corpus-cluster");
    finishes(submit("corpus-cluster", CLUSTER_MODE, corpus.toString(), out), "corpus-cluster");
    assertSameTables(spark, refCorpus, out);
  }

  /** An executor killed by its pid ten seconds into its life: Spark reruns its tasks. */
  @Test
  void generatedCorpusSurvivesALostExecutor(SparkSession spark) throws Exception {
    Path out = dir.resolve("corpus-lost-executor");
    Process p = submit("corpus-lost-executor", List.of(), corpus.toString(), out);
    long pid = LostExecutor.killOne(cluster::executors, p);
    finishes(p, "corpus-lost-executor");
    String log = Files.readString(dir.resolve("corpus-lost-executor.log"));
    assertThat(log.toLowerCase(Locale.ROOT)).as("the driver saw executor of pid %d go", pid)
        .containsAnyOf("lost executor", "executorlostfailure", "removed executor",
            "executor lost", "removed: command exited");
    assertSameTables(spark, refCorpus, out);
  }

  private static void assertSameTables(SparkSession spark, Path expected, Path actual) {
    SameTables.assertSame(spark, expected.toString(), actual.toString());
    assertThat(Files.exists(actual.resolve("run.json"))).isTrue();
  }
}
