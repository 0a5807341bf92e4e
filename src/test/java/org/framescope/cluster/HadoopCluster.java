package org.framescope.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/**
 * A real HDFS and YARN on this machine, each in its own JVM ({@link MiniHadoop}) on 127.0.0.1,
 * with a SPARK_HOME for spark-submit and the client configuration in one folder. {@link #close}
 * stops both and every container they launched, also after a failure.
 */
final class HadoopCluster implements AutoCloseable {
  private final Path dir;
  private final Path conf;
  private final Path sparkHome;
  private final List<String> jvmFlags;
  private final List<Process> processes = new ArrayList<>();

  private HadoopCluster(Path dir, Path sparkHome, List<String> jvmFlags) {
    this.dir = dir;
    this.conf = dir.resolve("conf");
    this.sparkHome = sparkHome;
    this.jvmFlags = jvmFlags;
  }

  /**
   * Starts HDFS, then YARN on it, from {@code classpath} (the test classpath: the Hadoop
   * minicluster's), with a SPARK_HOME of {@code jars} under {@code dir}.
   */
  static HadoopCluster start(Path dir, Path jars, String classpath, List<String> jvmFlags)
      throws IOException, InterruptedException {
    HadoopCluster c = new HadoopCluster(dir, SparkHome.create(dir.resolve("spark-home"), jars),
        jvmFlags);
    try {
      c.launch("hdfs", classpath);
      c.launch("yarn", classpath);
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private void launch(String service, String classpath) throws IOException, InterruptedException {
    Path work = Files.createDirectories(dir.resolve(service));
    Path log = dir.resolve(service + ".log");
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmFlags);
    cmd.addAll(List.of("-Xmx768m", "-cp", classpath, MiniHadoop.class.getName(), service,
        conf.toString(), work.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    // The NodeManager's containers find Java through JAVA_HOME.
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process p = pb.start();
    processes.add(p);
    Instant end = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(end)) {
      if (Files.readString(log).contains(MiniHadoop.READY)) {
        return;
      }
      if (!p.isAlive()) {
        throw new IllegalStateException(service + " died: " + tail(log));
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    throw new IllegalStateException(service + " did not start within 120 s: " + tail(log));
  }

  private static String tail(Path log) throws IOException {
    String s = Files.readString(log);
    return s.substring(Math.max(0, s.length() - 6000));
  }

  /** The HDFS's address, {@code hdfs://127.0.0.1:PORT}. */
  String hdfs() {
    return clientConfiguration().get("fs.defaultFS");
  }

  /** A Hadoop configuration that reaches this HDFS and YARN. */
  Configuration clientConfiguration() {
    Configuration c = new Configuration(false);
    for (String f : List.of("core-site.xml", "hdfs-site.xml", "yarn-site.xml")) {
      c.addResource(new org.apache.hadoop.fs.Path(conf.resolve(f).toUri()));
    }
    return c;
  }

  /** The environment of a spark-submit to this YARN. */
  Map<String, String> environment() {
    return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_LOCAL_IP", "127.0.0.1",
        "SPARK_SCALA_VERSION", "2.12", "SPARK_SUBMIT_OPTS", String.join(" ", jvmFlags),
        "HADOOP_CONF_DIR", conf.toString(), "YARN_CONF_DIR", conf.toString());
  }

  /**
   * spark-submit settings for this YARN: Spark's jars are already on the node ({@code local:}),
   * so a submit uploads only the job jar and its configuration; every Spark process binds to
   * the loopback; a small corpus needs no 200 shuffle partitions (the tables do not depend on
   * their number: the reference runs use 2).
   */
  List<String> sparkConf() {
    return List.of("--conf", "spark.yarn.jars=local:" + sparkHome.resolve("jars") + "/*",
        "--conf", "spark.sql.shuffle.partitions=8",
        "--conf", "spark.yarn.appMasterEnv.SPARK_LOCAL_IP=127.0.0.1",
        "--conf", "spark.executorEnv.SPARK_LOCAL_IP=127.0.0.1",
        "--conf", "spark.yarn.maxAppAttempts=1",
        "--conf", "spark.ui.enabled=false");
  }

  /** The executor JVMs this YARN's NodeManager now runs. */
  List<ProcessHandle> executors() {
    String marker = dir.resolve("yarn").toString();
    return ProcessHandle.allProcesses()
        .filter(p -> commandLine(p).contains("YarnCoarseGrainedExecutorBackend")
            && commandLine(p).contains(marker))
        .toList();
  }

  /** Everything the containers of this YARN wrote to their standard output and error. */
  String containerLogs() {
    Path logs = dir.resolve("yarn").resolve("target");
    if (!Files.isDirectory(logs)) {
      return "";
    }
    StringBuilder b = new StringBuilder();
    try (Stream<Path> files = Files.walk(logs)) {
      for (Path f : files.filter(f -> f.getFileName().toString().matches("std(out|err)"))
          .sorted().toList()) {
        b.append("==> ").append(dir.relativize(f)).append('\n').append(Files.readString(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b.toString();
  }

  private static String commandLine(ProcessHandle p) {
    Optional<String> cmd = p.info().commandLine();
    return cmd.orElse("");
  }

  @Override
  public void close() {
    List<ProcessHandle> all = new ArrayList<>();
    String marker = dir.toString();
    ProcessHandle.allProcesses().filter(p -> commandLine(p).contains(marker)).forEach(all::add);
    for (Process p : processes) {
      all.add(p.toHandle());
    }
    for (ProcessHandle p : all) {
      p.destroy();
    }
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
  }
}
