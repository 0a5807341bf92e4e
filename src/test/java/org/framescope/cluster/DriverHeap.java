package org.framescope.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.framescope.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobs/driver-heap}: the driver's heap in cluster deploy mode, measured. Starts a real
 * standalone cluster on 127.0.0.1 ({@link LocalCluster}: a Master and one Worker, each its own
 * JVM), submits {@code run} on generated corpora of each size with the driver on the cluster and
 * its heap capped ({@code --driver-memory}), and reads the driver's GC log: the heap in use after
 * each collection. After a young collection that figure still holds the old generation's
 * garbage, so it also asks the driver for a full collection every {@code --live-every} seconds
 * ({@code jcmd PID GC.class_histogram}): the heap after a full collection is what the driver
 * really holds at that moment, its live set. Writes {@code driver-heap.json} and prints a table;
 * the ratio of the largest corpus's peak to the smallest's is what must not grow with the corpus.
 */
@Command(name = "driver-heap", mixinStandardHelpOptions = true)
public final class DriverHeap implements Callable<Integer> {
  @Option(names = "--articles", split = ",", defaultValue = "50000,200000",
      description = "Corpus sizes, comma-separated.") List<Long> articles;
  @Option(names = "--sources", defaultValue = "20") int sources;
  @Option(names = "--seed", defaultValue = "3") long seed;
  @Option(names = "--driver-memory", defaultValue = "1g") String driverMemory;
  @Option(names = "--executor-memory", defaultValue = "3g") String executorMemory;
  @Option(names = "--corpora", defaultValue = "target/bench",
      description = "Where generated corpora are cached (shared with jobs/bench).") Path corpora;
  @Option(names = "--output", defaultValue = "target/driver-heap") Path output;
  @Option(names = "--live-every", defaultValue = "10",
      description = "Seconds between the full collections that read the driver's live set.")
  int liveEvery;

  /** A G1 or serial pause line of -Xlog:gc: "Pause Young (Normal) (...) 300M->120M(1024M)". */
  private static final Pattern PAUSE =
      Pattern.compile("Pause (\\w+).*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");

  public static void main(String[] args) {
    System.exit(new CommandLine(new DriverHeap()).execute(args));
  }

  /**
   * What one GC log says: pauses, the peak heap in use (before a pause), the peak left after any
   * pause, the peak left after a full collection (the live set), and the largest heap.
   */
  record GcFigures(int pauses, int fullPauses, long peakInUseMb, long peakAfterGcMb,
      long peakLiveMb, long heapMb) {}

  static GcFigures read(List<String> gcLog) {
    int pauses = 0;
    int full = 0;
    long before = 0;
    long after = 0;
    long live = 0;
    long heap = 0;
    for (String line : gcLog) {
      Matcher m = PAUSE.matcher(line);
      if (m.find()) {
        pauses++;
        long left = Long.parseLong(m.group(3));
        if (m.group(1).equals("Full")) {
          full++;
          live = Math.max(live, left);
        }
        before = Math.max(before, Long.parseLong(m.group(2)));
        after = Math.max(after, left);
        heap = Math.max(heap, Long.parseLong(m.group(4)));
      }
    }
    return new GcFigures(pauses, full, before, after, live, heap);
  }

  @Override
  public Integer call() throws Exception {
    Path home = Path.of(System.getenv().getOrDefault("FRAMESCOPE_HOME", ".")).toAbsolutePath();
    Files.createDirectories(output);
    List<String> flags = Files.readAllLines(home.resolve("jobs/jvm-flags")).stream()
        .filter(l -> !l.isBlank()).toList();
    Map<String, Object> results = new LinkedHashMap<>();
    results.put("driver_memory", driverMemory);
    results.put("executor_memory", executorMemory);
    results.put("deploy_mode", "cluster");
    List<Map<String, Object>> runs = new ArrayList<>();
    Path clusterDir = Files.createTempDirectory(output.toAbsolutePath(), "cluster-");
    try (LocalCluster cluster = LocalCluster.start(clusterDir,
        home.resolve("target/spark-home/jars"), flags, 1, 3, "6g")) {
      for (long n : articles) {
        Path corpus = corpus(n);
        Path gc = output.toAbsolutePath().resolve("gc-" + n + ".log");
        Files.deleteIfExists(gc);
        Path log = output.toAbsolutePath().resolve("submit-" + n + ".log");
        List<String> cmd = new ArrayList<>(List.of(home.resolve("jobs/submit").toString(),
            "--master", cluster.masterUrl(), "--deploy-mode", "cluster",
            "--driver-memory", driverMemory, "--conf", "spark.driver.cores=1",
            "--executor-memory", executorMemory, "--conf", "spark.executor.cores=2",
            "--conf", "spark.standalone.submit.waitAppCompletion=true",
            "--conf", "spark.driver.extraJavaOptions=" + String.join(" ", flags)
                + " -Xlog:gc:file=" + gc,
            "--", "run", "--input", corpus.toAbsolutePath().toString(),
            "--output", output.toAbsolutePath().resolve("out-" + n).toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
            .redirectOutput(log.toFile());
        pb.environment().putAll(cluster.environment());
        Instant start = Instant.now();
        Process p = pb.start();
        Instant end = start.plus(Duration.ofMinutes(60));
        while (!p.waitFor(liveEvery, TimeUnit.SECONDS) && Instant.now().isBefore(end)) {
          cluster.drivers().forEach(DriverHeap::collectFully);
        }
        if (p.isAlive() || p.exitValue() != 0) {
          p.destroyForcibly();
          System.err.println("driver-heap: the run on " + n + " articles failed; see " + log
              + " and the driver's log under " + clusterDir);
          return 1;
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        GcFigures f = read(Files.readAllLines(gc));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("articles", n);
        run.put("seconds", seconds);
        run.put("gc_pauses", f.pauses());
        run.put("full_gc_pauses", f.fullPauses());
        run.put("peak_heap_in_use_mb", f.peakInUseMb());
        run.put("peak_heap_after_gc_mb", f.peakAfterGcMb());
        run.put("peak_live_heap_mb", f.peakLiveMb());
        run.put("heap_mb", f.heapMb());
        runs.add(run);
        System.out.printf("%,10d articles  %7.1f s  driver heap: live (after a full GC) %4d MB, "
            + "after any GC %4d MB, in use %4d MB; %d pauses (%d full), heap %d MB%n", n,
            seconds, f.peakLiveMb(), f.peakAfterGcMb(), f.peakInUseMb(), f.pauses(),
            f.fullPauses(), f.heapMb());
      }
    }
    // Its Workers copied the job jar there for every executor (kept after a failure: its logs).
    ReferenceRuns.deleteTree(clusterDir);
    results.put("runs", runs);
    if (runs.size() > 1) {
      for (String figure : List.of("peak_live_heap_mb", "peak_heap_after_gc_mb")) {
        double ratio = ((Number) runs.get(runs.size() - 1).get(figure)).doubleValue()
            / ((Number) runs.get(0).get(figure)).doubleValue();
        results.put(figure + "_largest_vs_smallest", ratio);
        System.out.printf("%s, largest corpus / smallest: %.2fx%n", figure, ratio);
      }
    }
    Path json = output.resolve("driver-heap.json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(),
        results);
    System.out.println("written: " + json);
    return 0;
  }

  /** Asks a JVM for a full collection: a class histogram of live objects needs one. */
  private static void collectFully(ProcessHandle driver) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      new ProcessBuilder(jcmd.toString(), String.valueOf(driver.pid()), "GC.class_histogram")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
          .waitFor(60, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Path corpus(long n) throws IOException {
    Path corpus = corpora.resolve("corpus-" + n + "-" + sources + "-" + seed);
    if (!Files.exists(corpus.resolve("_planted.json"))) {
      int rc = Main.execute(new PrintWriter(System.err, true), "generate", "--articles",
          String.valueOf(n), "--sources", String.valueOf(sources), "--seed",
          String.valueOf(seed), "--output", corpus.toString(), "--overwrite");
      if (rc != 0) {
        throw new IOException("generate failed for " + n + " articles");
      }
    }
    return corpus;
  }
}
