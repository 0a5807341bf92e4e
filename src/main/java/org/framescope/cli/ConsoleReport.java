package org.framescope.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.SparkSession;
import org.framescope.pipeline.IngestStage;
import org.framescope.pipeline.Pipeline;
import org.framescope.report.Ranking;
import org.framescope.report.Report;
import org.framescope.report.ReportOptions;
import org.framescope.schema.ArticleStatsTable;
import org.framescope.schema.QuotesTable;
import org.framescope.schema.SourceScoresTable;

/** What a pipeline command prints when it ends: each stage's counts, then the preferences. */
final class ConsoleReport {
  private ConsoleReport() {}

  /**
   * Runs {@code plan}: checks it, starts Spark, runs it and prints the summary, showing sources
   * as {@code display} says.
   */
  static int run(String master, Pipeline.Plan plan, ReportOptions display, PrintStream console) {
    Pipeline.Checked checked = Pipeline.check(plan);
    SparkSession spark = Sessions.start(plan.command(), master);
    Pipeline.Outcome outcome = Pipeline.run(spark, plan, checked);
    if (outcome.ingest() != null) {
      printIngest(console, outcome.ingest(), display);
    }
    if (outcome.analysis() != null) {
      console.printf("framescope features: %d term hits %s (lexicon %s)%n",
          outcome.analysis().termHits(), outcome.analysis().termHitsByVoice(),
          outcome.analysis().lexicon().name());
      console.printf("framescope sentiment: %d sentence parts scored, %d actor mentions%n",
          outcome.analysis().sentencePartsScored(), outcome.analysis().actorMentions());
      console.printf("framescope attribution: %s attributions, %d with a speaker%n",
          outcome.analysis().quotesByKind(), outcome.analysis().quotesWithSpeaker());
      var stories = outcome.analysis().stories();
      if (stories != null) {
        console.printf("framescope stories: %d stories of %d articles (%d of them wire copies), "
            + "from %d original articles with a date; see story_summary, kwic --story ID%n",
            stories.stories(), stories.storyArticles(), stories.storyCopies(),
            stories.storyCandidates());
      }
      printSpeakers(spark, outcome.output(), console, display);
    }
    if (outcome.score() != null) {
      printPreferences(spark, outcome.output() + "/" + SourceScoresTable.NAME, console, display);
    }
    console.printf("output: %s%n", outcome.output());
    if (plan.report() != null) {
      console.printf("report: %s/%s (open it in a browser)%n", outcome.output(), Report.FILE);
    }
    return 0;
  }

  static void printIngest(PrintStream console, IngestStage.Result s, ReportOptions display) {
    console.printf("framescope ingest: %d records read, %d accepted, %d rejected, %d duplicates%n",
        s.recordsRead(), s.articlesAccepted(), s.recordsRejected(), s.duplicates());
    if (s.filesUnreadable() > 0) {
      console.printf("  %d of %d input files unreadable, skipped (rows in rejects, reason "
          + "unreadable_file)%n", s.filesUnreadable(), s.inputFiles());
    }
    for (Map.Entry<String, Long> e : s.rejectedByReason().entrySet()) {
      console.printf("  rejected %-24s %8d%n", e.getKey(), e.getValue());
    }
    console.printf("  %-32s %8s %10s%n", "source", "articles", "duplicates");
    Map<String, IngestStage.SourceCounts> counts = s.articlesPerSource();
    List<String> shown = busiest(counts.keySet(), src -> counts.get(src).articles(), display);
    long rest = counts.values().stream().mapToLong(IngestStage.SourceCounts::articles).sum();
    for (String src : shown) {
      console.printf("  %-32s %8d %10d%n", src, counts.get(src).articles(),
          counts.get(src).duplicates());
      rest -= counts.get(src).articles();
    }
    if (shown.size() < counts.size()) {
      console.printf("  ... and %d more sources with %d articles (--all-sources lists them)%n",
          counts.size() - shown.size(), rest);
    }
  }

  /**
   * The sources a summary lists: all of them, in name order, when they fit in {@code 2 × top}
   * (or with --all-sources); else the {@code 2 × top} that weigh most, heaviest first.
   */
  static List<String> busiest(java.util.Collection<String> sources,
      java.util.function.ToLongFunction<String> weight, ReportOptions display) {
    if (display.allSources() || sources.size() <= 2 * display.top()) {
      return sources.stream().sorted().toList();
    }
    return Ranking.heaviest(sources, weight, 2 * display.top());
  }

  /** How many speakers a source's line of {@link #printSpeakers} names. */
  static final int TOP_SPEAKERS = 3;

  /**
   * Prints, per source, the speakers it gives the most attributions to (original articles only),
   * with their counts: who each outlet lets speak. Bounded by sources × {@value #TOP_SPEAKERS}.
   */
  static void printSpeakers(SparkSession spark, String output, PrintStream console,
      ReportOptions display) {
    Dataset<Row> originals = spark.read().parquet(output + "/" + ArticleStatsTable.NAME)
        .filter(not(col(ArticleStatsTable.IS_DUPLICATE)))
        .select(col(ArticleStatsTable.ARTICLE_ID).as("_id"));
    Dataset<Row> counts = spark.read().parquet(output + "/" + QuotesTable.NAME)
        .filter(col(QuotesTable.SPEAKER_NAME).isNotNull())
        .join(originals, col(QuotesTable.ARTICLE_ID).equalTo(col("_id")))
        .groupBy(col(QuotesTable.SOURCE), col(QuotesTable.SPEAKER_NAME)).count();
    List<Row> top = counts
        .withColumn("_rank", row_number().over(Window.partitionBy(col(QuotesTable.SOURCE))
            .orderBy(col("count").desc(), col(QuotesTable.SPEAKER_NAME))))
        .filter(col("_rank").leq(TOP_SPEAKERS))
        .orderBy(col(QuotesTable.SOURCE), col("_rank")).collectAsList();
    if (top.isEmpty()) {
      return;
    }
    Map<String, List<String>> bySource = new TreeMap<>();
    Map<String, Long> attributions = new TreeMap<>();
    for (Row r : top) {
      bySource.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
          .add(r.getString(1) + " (" + r.getLong(2) + ")");
      attributions.merge(r.getString(0), r.getLong(2), Long::sum);
    }
    List<String> shown = busiest(bySource.keySet(), attributions::get, display);
    int width = Math.max(6, shown.stream().mapToInt(String::length).max().orElse(6));
    console.println("who each outlet quotes most (attributions in original articles)");
    for (String src : shown) {
      console.println(String.format("  %-" + width + "s  %s", src,
          String.join(", ", bySource.get(src))).stripTrailing());
    }
    if (shown.size() < bySource.size()) {
      console.printf("  ... and %d more sources (the %d shown quote their speakers most; "
          + "--all-sources lists every one)%n", bySource.size() - shown.size(), shown.size());
    }
  }

  /**
   * Prints source by axis: the preference in the outlet's own voice over the whole period, with
   * its interval; '~' marks a row too thin to read. Bounded by sources × axes.
   */
  static void printPreferences(SparkSession spark, String sourceScores, PrintStream console,
      ReportOptions display) {
    List<Row> rows = spark.read().parquet(sourceScores)
        .filter(col(SourceScoresTable.KIND).equalTo("axis")
            .and(col(SourceScoresTable.VOICE).equalTo(SourceScoresTable.VOICE_OUTLET))
            .and(col(SourceScoresTable.PERIOD).equalTo(SourceScoresTable.PERIOD_ALL)))
        .select(SourceScoresTable.SOURCE, SourceScoresTable.NAME_COL, SourceScoresTable.POLE_A,
            SourceScoresTable.POLE_B, SourceScoresTable.PREFERENCE,
            SourceScoresTable.PREFERENCE_LOW, SourceScoresTable.PREFERENCE_HIGH,
            SourceScoresTable.IS_RELIABLE, SourceScoresTable.COUNT_A, SourceScoresTable.COUNT_B)
        .collectAsList();
    Map<String, String> header = new TreeMap<>();
    Map<String, Map<String, String>> cells = new TreeMap<>();
    for (Row r : rows) {
      header.put(r.getString(1), r.getString(2) + " > 0 > " + r.getString(3));
      String interval = r.isNullAt(5) ? "[n/a]           "
          : String.format("[%+.2f, %+.2f]", r.getDouble(5), r.getDouble(6));
      // No hit: the preference would be the prior's value, which says nothing of the source.
      boolean none = r.getLong(8) + (r.isNullAt(9) ? 0 : r.getLong(9)) == 0;
      cells.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getString(1), none
          ? String.format("%-22s~", "no hits")
          : String.format("%+.2f %s%s", r.getDouble(4), interval, r.getBoolean(7) ? " " : "~"));
    }
    if (!display.allSources() && cells.size() > 2 * display.top()) {
      printRanked(rows, header, console, display);
      return;
    }
    int sourceWidth = Math.max(6, cells.keySet().stream().mapToInt(String::length).max()
        .orElse(6));
    List<String> names = new ArrayList<>(header.keySet());
    int[] w = names.stream().mapToInt(n -> Math.max(23, Math.max(n.length(),
        header.get(n).length()))).toArray();
    console.println("preference in the outlet's own voice, 95% interval (~: too few hits to "
        + "read; n/a: fewer than two articles; no hits: none to read)");
    StringBuilder h1 = new StringBuilder(String.format("%-" + sourceWidth + "s", "source"));
    StringBuilder h2 = new StringBuilder(" ".repeat(sourceWidth));
    for (int i = 0; i < names.size(); i++) {
      h1.append("  ").append(String.format("%-" + w[i] + "s", names.get(i)));
      h2.append("  ").append(String.format("%-" + w[i] + "s", header.get(names.get(i))));
    }
    console.println(h1.toString().stripTrailing());
    console.println(h2.toString().stripTrailing());
    for (Map.Entry<String, Map<String, String>> e : cells.entrySet()) {
      StringBuilder line = new StringBuilder(String.format("%-" + sourceWidth + "s", e.getKey()));
      for (int i = 0; i < names.size(); i++) {
        line.append("  ").append(String.format("%-" + w[i] + "s",
            e.getValue().getOrDefault(names.get(i), "")));
      }
      console.println(line.toString().stripTrailing());
    }
  }

  /** A source's outlet-voice preference on one axis, as {@link #printRanked} lists it. */
  private record Preference(String source, double value, Double low, Double high,
      boolean reliable) {}

  /**
   * Too many sources for one matrix: per axis, the reliable sources leaning most each way
   * ({@link Ranking}), and what was left out in words.
   */
  private static void printRanked(List<Row> rows, Map<String, String> header,
      PrintStream console, ReportOptions display) {
    console.println("preference in the outlet's own voice, 95% interval, per axis: the "
        + display.top() + " sources leaning most each way (--all-sources shows every source)");
    for (String name : header.keySet()) {
      List<Preference> prefs = new ArrayList<>();
      for (Row r : rows) {
        if (r.getString(1).equals(name)) {
          prefs.add(new Preference(r.getString(0), r.getDouble(4),
              r.isNullAt(5) ? null : r.getDouble(5), r.isNullAt(6) ? null : r.getDouble(6),
              r.getBoolean(7)));
        }
      }
      Ranking<Preference> ranking = Ranking.of(prefs, Preference::reliable, Preference::value,
          Preference::source, display);
      int width = Math.max(6, ranking.shown().stream().mapToInt(p -> p.source().length()).max()
          .orElse(6));
      console.println(name + "  (" + header.get(name) + ")");
      for (Preference p : ranking.high()) {
        printPreference(console, p, width);
      }
      if (!ranking.low().isEmpty()) {
        console.println("  " + " ".repeat(width) + "  ... " + ranking.between() + " more ...");
        for (Preference p : ranking.low()) {
          printPreference(console, p, width);
        }
      }
      String left = ranking.leftOut("source");
      if (!left.isEmpty()) {
        console.println("  " + left);
      }
    }
  }

  private static void printPreference(PrintStream console, Preference p, int width) {
    console.println(String.format("  %-" + width + "s  %+.2f %s%s", p.source(), p.value(),
        p.low() == null ? "[n/a]" : String.format("[%+.2f, %+.2f]", p.low(), p.high()),
        p.reliable() ? "" : " ~"));
  }
}
