package org.framescope.cluster;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on this machine: a Master and Workers, each its own JVM, bound
 * to 127.0.0.1, started from a SPARK_HOME that holds Spark's runtime jars. {@link #close} stops
 * every process it started (and any executor or driver they started), also after a failure.
 */
final class LocalCluster implements AutoCloseable {
  private final Path sparkHome;
  private final Path logs;
  private final List<String> jvmFlags;
  private final List<Process> processes = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();
  final int masterPort;

  private LocalCluster(Path sparkHome, Path logs, List<String> jvmFlags) throws IOException {
    this.sparkHome = sparkHome;
    this.logs = logs;
    this.jvmFlags = jvmFlags;
    this.masterPort = freePort();
  }

  /**
   * Lays out a SPARK_HOME under {@code dir} ({@link SparkHome}) and starts a Master and {@code
   * workers} Workers of {@code cores} cores.
   */
  static LocalCluster start(Path dir, Path jars, List<String> jvmFlags, int workers, int cores)
      throws IOException, InterruptedException {
    return start(dir, jars, jvmFlags, workers, cores, "2g");
  }

  /** As {@link #start(Path, Path, List, int, int)}, each Worker offering {@code memory}. */
  static LocalCluster start(Path dir, Path jars, List<String> jvmFlags, int workers, int cores,
      String memory) throws IOException, InterruptedException {
    Path home = SparkHome.create(dir.resolve("spark-home"), jars);
    Path logs = Files.createDirectories(dir.resolve("logs"));
    LocalCluster c = new LocalCluster(home, logs, jvmFlags);
    try {
      int ui = freePort();
      c.ports.add(c.masterPort);
      c.ports.add(ui);
      c.launch("master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
          "--port", String.valueOf(c.masterPort), "--webui-port", String.valueOf(ui)));
      c.waitFor("master", "I have been elected leader", Duration.ofSeconds(60));
      for (int w = 1; w <= workers; w++) {
        int wui = freePort();
        c.ports.add(wui);
        Path work = Files.createDirectories(dir.resolve("work-" + w));
        c.launch("worker-" + w, List.of("org.apache.spark.deploy.worker.Worker", c.masterUrl(),
            "--host", "127.0.0.1", "--cores", String.valueOf(cores), "--memory", memory,
            "--webui-port", String.valueOf(wui), "--work-dir", work.toString()));
        c.waitFor("worker-" + w, "Successfully registered with master", Duration.ofSeconds(60));
      }
      return c;
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  Path sparkHome() {
    return sparkHome;
  }

  /** The environment every Spark process of the cluster needs. */
  Map<String, String> environment() {
    return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_LOCAL_IP", "127.0.0.1",
        "SPARK_SCALA_VERSION", "2.12", "SPARK_SUBMIT_OPTS", String.join(" ", jvmFlags));
  }

  private void launch(String name, List<String> mainAndArgs) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmFlags);
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(sparkHome.resolve("jars") + "/*");
    cmd.addAll(mainAndArgs);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(logs.resolve(name + ".log").toFile());
    pb.environment().putAll(environment());
    processes.add(pb.start());
  }

  void waitFor(String name, String line, Duration timeout)
      throws IOException, InterruptedException {
    Path log = logs.resolve(name + ".log");
    Instant end = Instant.now().plus(timeout);
    while (Instant.now().isBefore(end)) {
      if (Files.exists(log) && Files.readString(log).contains(line)) {
        return;
      }
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException(name + " died: " + Files.readString(log));
        }
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new IllegalStateException(name + " did not log '" + line + "' within " + timeout
        + ": " + (Files.exists(log) ? Files.readString(log) : "no log"));
  }

  /** The executor JVMs of this cluster now running. */
  List<ProcessHandle> executors() {
    return ProcessHandle.allProcesses()
        .filter(p -> commandLine(p).contains("CoarseGrainedExecutorBackend")
            && commandLine(p).contains(sparkHome.toString()))
        .toList();
  }

  /** The drivers this cluster's Workers now run (cluster deploy mode). */
  List<ProcessHandle> drivers() {
    return ProcessHandle.allProcesses()
        .filter(p -> commandLine(p).contains("org.apache.spark.deploy.worker.DriverWrapper")
            && commandLine(p).contains(sparkHome.toString()))
        .toList();
  }

  private static String commandLine(ProcessHandle p) {
    Optional<String> cmd = p.info().commandLine();
    return cmd.orElse("");
  }

  /** Whether nothing listens any more on the ports the cluster was given. */
  boolean portsClosed() {
    for (int port : ports) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return false;
      } catch (ConnectException expected) {
        // closed, as it should be
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    List<ProcessHandle> all = new ArrayList<>();
    for (Process p : processes) {
      all.add(p.toHandle());
      p.toHandle().descendants().forEach(all::add);
    }
    ProcessHandle.allProcesses()
        .filter(p -> commandLine(p).contains(sparkHome.toString())).forEach(all::add);
    for (ProcessHandle p : all) {
      p.destroy();
    }
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
