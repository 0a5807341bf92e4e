package org.framescope.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.cli.Main;
import org.framescope.features.AnalysisPass;
import org.framescope.features.ArticleAnalysis;
import org.framescope.sentiment.ValenceLexicon;
import org.framescope.io.LexiconFiles;
import org.framescope.lexicon.Lexicon;
import org.framescope.text.SparkNlpLayer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jobs/bench}: times the pipeline's stages on a generated corpus and, in the same run and
 * on the same articles table, two reference points (DuckDB, and a plain Java loop: "the limit")
 * that compute the features stage's counts per source; checks that the three agree; times the
 * analysis pass on a sample with and without attribution and the Spark NLP layer on a sample;
 * writes bench-results.json. Spark runs in this JVM, local[*].
 */
@Command(name = "bench", mixinStandardHelpOptions = true)
public final class Bench implements Callable<Integer> {
  @Option(names = "--articles", defaultValue = "200000") long articles;
  @Option(names = "--sources", defaultValue = "100") int sources;
  @Option(names = "--seed", defaultValue = "1") long seed;
  @Option(names = "--nlp-sample", defaultValue = "2000",
      description = "Articles the Spark NLP text layer is timed on.") int nlpSample;
  @Option(names = "--attribution-sample", defaultValue = "20000",
      description = "Articles the analysis pass is timed on with and without attribution.")
  int attributionSample;
  @Option(names = "--output", defaultValue = "target/bench") Path output;
  @Option(names = "--single-gz",
      description = "Run on the corpus as one .jsonl.gz file (one task reads it, as with a "
          + "corpus downloaded in one archive).") boolean singleGz;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(output);
    int cores = Runtime.getRuntime().availableProcessors();
    Path corpus = output.resolve("corpus-" + articles + "-" + sources + "-" + seed);
    if (!Files.exists(corpus.resolve("_planted.json"))) {
      check(Main.execute(new PrintWriter(System.err, true), "generate", "--articles",
          String.valueOf(articles), "--sources", String.valueOf(sources), "--seed",
          String.valueOf(seed), "--output", corpus.toString(), "--overwrite"), "generate");
    }
    Path input = corpus;
    if (singleGz) {
      input = corpus.resolveSibling(corpus.getFileName() + "-gz").resolve("corpus.jsonl.gz");
      if (!Files.exists(input)) {
        gzipParts(corpus, input);
      }
    }
    Path out = output.resolve("run-" + articles + "-" + sources + "-" + seed
        + (singleGz ? "-gz" : ""));
    deleteTree(out);
    HeapWatch heap = HeapWatch.start();
    long t0 = System.nanoTime();
    check(Main.execute(new PrintWriter(System.err, true), "run", "--input", input.toString(),
        "--output", out.toString()), "run");
    double endToEnd = (System.nanoTime() - t0) / 1e9;
    heap.stop();
    JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    Path articlesTable = out.resolve("articles");
    Lexicon lexicon = LexiconFiles.read(new Configuration(), "syria");

    long d0 = System.nanoTime();
    Map<String, Map<String, Long>> duck = ReferenceCounts.duckdb(articlesTable, lexicon, cores);
    double duckSeconds = (System.nanoTime() - d0) / 1e9;
    long l0 = System.nanoTime();
    Map<String, Map<String, Long>> limit = ReferenceCounts.limit(articlesTable, lexicon, cores);
    double limitSeconds = (System.nanoTime() - l0) / 1e9;

    SparkSession spark = SparkSession.builder().getOrCreate();
    Map<String, Map<String, Long>> ours = framescopeCounts(spark, out);
    boolean agree = ours.equals(duck) && ours.equals(limit);
    if (!agree) {
      System.err.println("bench: the counts differ");
      report("framescope vs duckdb", ours, duck);
      report("framescope vs limit", ours, limit);
    }

    double[] nlp = nlpLayer(spark, articlesTable, lexicon);
    double[] attribution = attributionCost(spark, articlesTable, lexicon);

    double featuresSeconds = run.get("timings_seconds").get("analyse").asDouble();
    long n = run.get("articles_accepted").asLong();
    long inputBytes = size(corpus);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("date", java.time.LocalDate.now().toString());
    r.put("cores", cores);
    r.put("articles", n);
    r.put("sources", sources);
    r.put("input_bytes", inputBytes);
    r.put("input", singleGz ? "one .jsonl.gz file" : "JSON lines part files");
    Map<String, Object> stages = new LinkedHashMap<>();
    for (String s : new String[] {"ingest", "analyse", "score"}) {
      stages.put(s, run.get("timings_seconds").get(s).asDouble());
    }
    r.put("stage_seconds", stages);
    r.put("ingest_dedup_seconds", run.get("timings_seconds").get("ingest_dedup").asDouble());
    JsonNode planted = new ObjectMapper().readTree(corpus.resolve("_planted.json").toFile());
    r.put("duplicates_found", run.get("duplicates").asLong());
    r.put("duplicates_planted", planted.get("duplicates_expected").asLong());
    r.put("timings_seconds", new ObjectMapper().convertValue(run.get("timings_seconds"),
        Map.class));
    r.put("end_to_end_seconds", endToEnd);
    // Story finding against the analysis pass of the same run (the target: at most its time).
    JsonNode t = run.get("timings_seconds");
    if (t.has("analyse_stories")) {
      double storySeconds = t.get("analyse_stories").asDouble()
          + t.get("analyse_story_summary").asDouble();
      r.put("stories", new ObjectMapper().convertValue(run.get("stories"), Map.class));
      r.put("story_seconds", storySeconds);
      r.put("story_vs_pass", storySeconds / t.get("analyse_pass").asDouble());
    }
    // The report the run wrote: its time against the analysis pass's, and its size.
    if (t.has("report")) {
      r.put("report_seconds", t.get("report").asDouble());
      r.put("report_vs_pass", t.get("report").asDouble() / t.get("analyse_pass").asDouble());
      r.put("report_bytes", Files.size(out.resolve("report.html")));
    }
    r.put("features_articles_per_s", n / featuresSeconds);
    r.put("duckdb_seconds", duckSeconds);
    r.put("duckdb_articles_per_s", n / duckSeconds);
    r.put("limit_seconds", limitSeconds);
    r.put("limit_articles_per_s", n / limitSeconds);
    r.put("sparknlp_sample_articles", (long) nlp[0]);
    r.put("sparknlp_articles_per_s", nlp[0] / nlp[1]);
    r.put("default_layer_sample_articles_per_s", nlp[0] / nlp[2]);
    r.put("attribution_sample_articles", (long) attribution[0]);
    r.put("pass_without_attribution_seconds", attribution[1]);
    r.put("pass_with_attribution_seconds", attribution[2]);
    r.put("attribution_cost", attribution[2] / attribution[1]);
    r.put("features_vs_duckdb", duckSeconds / featuresSeconds);
    r.put("features_vs_limit", limitSeconds / featuresSeconds);
    r.put("peak_driver_heap_mb", heap.peakUsedMb());
    r.put("peak_driver_heap_after_gc_mb", heap.peakAfterGcMb());
    r.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    r.put("counts_agree", agree);
    Files.writeString(output.resolve("bench-results.json"), new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(r) + "\n");
    print(r, inputBytes);
    return agree ? 0 : 1;
  }

  /** term_hits summed per source and entry, and the word count per source (all articles). */
  static Map<String, Map<String, Long>> framescopeCounts(SparkSession spark, Path out) {
    Map<String, Map<String, Long>> m = new HashMap<>();
    for (Row r : spark.read().parquet(out.resolve("term_hits").toString())
        .groupBy("source", "entry").count().collectAsList()) {
      m.computeIfAbsent(r.getString(0), k -> new HashMap<>()).put(r.getString(1), r.getLong(2));
    }
    for (Row r : spark.read().parquet(out.resolve("article_stats").toString())
        .groupBy("source").agg(sum(col("n_tokens_headline").plus(col("n_tokens_outlet"))
            .plus(col("n_tokens_reported")).plus(col("n_tokens_quoted")))).collectAsList()) {
      m.computeIfAbsent(r.getString(0), k -> new HashMap<>())
          .put(ReferenceCounts.TOKENS, r.getLong(1));
    }
    return m;
  }

  /** {sample size, Spark NLP layer seconds, default layer seconds} on the same sample. */
  private double[] nlpLayer(SparkSession spark, Path articles, Lexicon lexicon) {
    Dataset<Row> sample = spark.read().parquet(articles.toString()).limit(nlpSample).cache();
    long size = sample.count();
    var models = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(ArticleAnalysis.Models.of(lexicon, ValenceLexicon.builtin()));
    long a = System.nanoTime();
    var model = SparkNlpLayer.defaultPipeline("text").fit(sample);
    AnalysisPass.analyse(SparkNlpLayer.withSpans(sample, model), models, true)
        .write().format("noop").mode("overwrite").save();
    long b = System.nanoTime();
    AnalysisPass.analyse(sample, models, true).write().format("noop").mode("overwrite").save();
    long c = System.nanoTime();
    sample.unpersist();
    return new double[] {size, (b - a) / 1e9, (c - b) / 1e9};
  }

  /**
   * {sample size, seconds of the analysis pass without attribution, with it}: the same cached
   * sample, each way three times in turn, the fastest of each kept.
   */
  private double[] attributionCost(SparkSession spark, Path articles, Lexicon lexicon) {
    Dataset<Row> sample = spark.read().parquet(articles.toString()).limit(attributionSample)
        .cache();
    long size = sample.count();
    ArticleAnalysis.Models with = ArticleAnalysis.Models.of(lexicon, ValenceLexicon.builtin());
    var sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    var withModels = sc.broadcast(with);
    var withoutModels = sc.broadcast(with.withoutAttribution());
    double without = Double.MAX_VALUE;
    double withTime = Double.MAX_VALUE;
    for (int k = 0; k < 3; k++) {
      long a = System.nanoTime();
      AnalysisPass.analyse(sample, withoutModels, true).write().format("noop")
          .mode("overwrite").save();
      long b = System.nanoTime();
      AnalysisPass.analyse(sample, withModels, true).write().format("noop")
          .mode("overwrite").save();
      long c = System.nanoTime();
      without = Math.min(without, (b - a) / 1e9);
      withTime = Math.min(withTime, (c - b) / 1e9);
    }
    sample.unpersist();
    return new double[] {size, without, withTime};
  }

  /**
   * Samples the heap of this JVM (Spark's driver and, in local mode, its executors) every 50 ms
   * during the run: the most in use at once, and the most left after a collection (the live
   * data, what must not grow with the corpus).
   */
  private static final class HeapWatch implements Runnable {
    private final Thread thread = new Thread(this, "bench-heap-watch");
    private volatile boolean running = true;
    private long peakUsed;
    private long peakAfterGc;

    static HeapWatch start() {
      HeapWatch w = new HeapWatch();
      w.thread.setDaemon(true);
      w.thread.start();
      return w;
    }

    @Override
    public void run() {
      while (running) {
        long used = 0;
        long afterGc = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
          if (pool.getType() == MemoryType.HEAP) {
            used += pool.getUsage().getUsed();
            if (pool.getCollectionUsage() != null) {
              afterGc += pool.getCollectionUsage().getUsed();
            }
          }
        }
        synchronized (this) {
          peakUsed = Math.max(peakUsed, used);
          peakAfterGc = Math.max(peakAfterGc, afterGc);
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    synchronized long peakUsedMb() {
      return peakUsed >> 20;
    }

    synchronized long peakAfterGcMb() {
      return peakAfterGc >> 20;
    }
  }

  private static void print(Map<String, Object> r, long bytes) {
    long n = (Long) r.get("articles");
    double mb = bytes / 1e6;
    @SuppressWarnings("unchecked")
    Map<String, Double> st = (Map<String, Double>) r.get("stage_seconds");
    System.out.printf("framescope bench: %d articles, %.0f MB of JSON lines, %d cores%n", n, mb,
        r.get("cores"));
    System.out.printf("%-28s %10s %12s %10s%n", "", "seconds", "articles/s", "MB/s");
    for (Map.Entry<String, Double> e : st.entrySet()) {
      System.out.printf("%-28s %10.1f %12.0f %10.1f%n", "stage " + e.getKey(), e.getValue(),
          n / e.getValue(), mb / e.getValue());
    }
    double e2e = (Double) r.get("end_to_end_seconds");
    System.out.printf("%-28s %10.1f %12.0f %10.1f%n", "run, end to end", e2e, n / e2e, mb / e2e);
    System.out.printf("%-28s %10.1f %12.0f%n", "duckdb (same counts)",
        (Double) r.get("duckdb_seconds"), (Double) r.get("duckdb_articles_per_s"));
    System.out.printf("%-28s %10.1f %12.0f%n", "limit (Java loop)",
        (Double) r.get("limit_seconds"), (Double) r.get("limit_articles_per_s"));
    System.out.printf("features / duckdb speed: %.2f   features / limit speed: %.2f%n",
        r.get("features_vs_duckdb"), r.get("features_vs_limit"));
    System.out.printf("Spark NLP layer on %d articles: %.0f articles/s (default layer %.0f)%n",
        r.get("sparknlp_sample_articles"), r.get("sparknlp_articles_per_s"),
        r.get("default_layer_sample_articles_per_s"));
    System.out.printf("analysis pass on %d articles: %.1f s without attribution, %.1f s with "
        + "it (%.2fx)%n", r.get("attribution_sample_articles"),
        r.get("pass_without_attribution_seconds"), r.get("pass_with_attribution_seconds"),
        r.get("attribution_cost"));
    if (r.containsKey("story_seconds")) {
      System.out.printf("stories: %.1f s (%.2fx the analysis pass): %s%n",
          r.get("story_seconds"), r.get("story_vs_pass"), r.get("stories"));
    }
    if (r.containsKey("report_seconds")) {
      System.out.printf("report.html: %.1f s (%.2fx the analysis pass), %d bytes%n",
          r.get("report_seconds"), r.get("report_vs_pass"), r.get("report_bytes"));
    }
    System.out.printf("duplicates found %d (planted, with their original in the corpus: %d)%n",
        r.get("duplicates_found"), r.get("duplicates_planted"));
    System.out.printf("driver heap (this JVM, -Xmx %d MB): peak in use %d MB, peak after GC %d MB;"
        + " counts agree: %s%n", r.get("max_heap_mb"), r.get("peak_driver_heap_mb"),
        r.get("peak_driver_heap_after_gc_mb"), r.get("counts_agree"));
  }

  private static void report(String what, Map<String, Map<String, Long>> a,
      Map<String, Map<String, Long>> b) {
    int shown = 0;
    for (String source : new TreeSet<>(a.keySet())) {
      Map<String, Long> x = a.getOrDefault(source, Map.of());
      Map<String, Long> y = b.getOrDefault(source, Map.of());
      for (String key : new TreeSet<>(x.keySet())) {
        if (!x.get(key).equals(y.get(key)) && shown++ < 20) {
          System.err.printf("  %s: %s / %s: %d vs %s%n", what, source,
              key.equals(ReferenceCounts.TOKENS) ? "tokens" : key, x.get(key), y.get(key));
        }
      }
    }
    if (!a.keySet().equals(b.keySet())) {
      System.err.println("  " + what + ": sources differ: " + a.keySet() + " vs " + b.keySet());
    }
  }

  private static void check(int code, String step) {
    if (code != 0) {
      throw new IllegalStateException("bench: " + step + " failed with exit code " + code);
    }
  }

  /** The corpus's part files, in order, as one gzip file. */
  private static void gzipParts(Path corpus, Path target) throws java.io.IOException {
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    try (Stream<Path> parts = Files.list(corpus);
         var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
      for (Path p : parts.filter(f -> f.getFileName().toString().startsWith("part-")).sorted()
          .toList()) {
        Files.copy(p, out);
      }
    }
    Files.move(tmp, target);
  }

  private static long size(Path dir) throws java.io.IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
