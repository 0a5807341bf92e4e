package org.framescope.cli;

import static org.apache.spark.sql.functions.col;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.io.OutputFolder;
import org.framescope.io.RunManifest;
import org.framescope.io.Tables;
import org.framescope.lexicon.Lexicon;
import org.framescope.schema.ActorMentionsTable;
import org.framescope.schema.ActorScoresTable;
import org.framescope.schema.ArticleStatsTable;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.SourceKeynessTable;
import org.framescope.schema.SourceScoresTable;
import org.framescope.schema.TermHitsTable;
import org.framescope.scoring.ActorScores;
import org.framescope.scoring.Keyness;
import org.framescope.scoring.ScoringOptions;
import org.framescope.scoring.SourceScores;

/** The scoring stage: the feature and sentiment tables in, the per-source scores out. */
final class ScoreStage {
  static final List<String> TABLES = List.of(SourceScoresTable.NAME, ActorScoresTable.NAME,
      SourceKeynessTable.NAME);
  private static final String WORK_TERM_COUNTS = "work_term_counts";

  private ScoreStage() {}

  /**
   * @param table where each input table is (staged in a run, published for {@code score})
   */
  static void run(SparkSession spark, java.util.function.Function<String, String> table,
      Lexicon lexicon, ScoringOptions options, OutputFolder out, RunManifest manifest) {
    long started = System.nanoTime();
    Dataset<Row> stats = Tables.read(spark, ArticleStatsTable.SCHEMA,
        table.apply(ArticleStatsTable.NAME));
    Dataset<Row> hits = Tables.read(spark, TermHitsTable.SCHEMA, table.apply(TermHitsTable.NAME));
    Dataset<Row> mentions = Tables.read(spark, ActorMentionsTable.SCHEMA,
        table.apply(ActorMentionsTable.NAME));
    Dataset<Row> articles = Tables.read(spark, ArticlesTable.SCHEMA,
        table.apply(ArticlesTable.NAME));

    Tables.write(SourceScores.sourceScores(stats, hits, SourceScores.Layout.of(lexicon), options),
        SourceScoresTable.SCHEMA, out.staged(SourceScoresTable.NAME));
    long sourcesAt = System.nanoTime();
    List<String> actors = lexicon.actors().stream().map(Lexicon.Named::name).toList();
    Tables.write(ActorScores.actorScores(stats, mentions, actors, options),
        ActorScoresTable.SCHEMA, out.staged(ActorScoresTable.NAME));
    long actorsAt = System.nanoTime();
    Keyness.termCounts(articles).write().parquet(out.staged(WORK_TERM_COUNTS));
    long countsAt = System.nanoTime();
    Tables.write(Keyness.sourceKeyness(spark.read().parquet(out.staged(WORK_TERM_COUNTS)),
        options), SourceKeynessTable.SCHEMA, out.staged(SourceKeynessTable.NAME));
    long done = System.nanoTime();
    Map<String, Object> timings = manifest.section("timings_seconds");
    timings.put("score_sources", StageRunner.seconds(started, sourcesAt));
    timings.put("score_actors", StageRunner.seconds(sourcesAt, actorsAt));
    timings.put("score_term_counts", StageRunner.seconds(actorsAt, countsAt));
    timings.put("score_keyness", StageRunner.seconds(actorsAt, done));
    timings.put("score", StageRunner.seconds(started, done));
    manifest.put("source_scores_rows",
        spark.read().parquet(out.staged(SourceScoresTable.NAME)).count());
  }

  /**
   * Prints source by axis: the preference in the outlet's own voice over the whole period, with
   * its interval; '~' marks a row too thin to read. Bounded by sources × axes.
   */
  static void printTable(SparkSession spark, String sourceScores, PrintStream console) {
    List<Row> rows = spark.read().parquet(sourceScores)
        .filter(col(SourceScoresTable.KIND).equalTo("axis")
            .and(col(SourceScoresTable.VOICE).equalTo(SourceScoresTable.VOICE_OUTLET))
            .and(col(SourceScoresTable.PERIOD).equalTo(SourceScoresTable.PERIOD_ALL)))
        .select(SourceScoresTable.SOURCE, SourceScoresTable.NAME_COL, SourceScoresTable.POLE_A,
            SourceScoresTable.POLE_B, SourceScoresTable.PREFERENCE,
            SourceScoresTable.PREFERENCE_LOW, SourceScoresTable.PREFERENCE_HIGH,
            SourceScoresTable.IS_RELIABLE)
        .collectAsList();
    Map<String, String> header = new TreeMap<>();
    Map<String, Map<String, String>> cells = new TreeMap<>();
    for (Row r : rows) {
      header.put(r.getString(1), r.getString(2) + " > 0 > " + r.getString(3));
      String interval = r.isNullAt(5) ? "[n/a]           "
          : String.format("[%+.2f, %+.2f]", r.getDouble(5), r.getDouble(6));
      cells.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getString(1),
          String.format("%+.2f %s%s", r.getDouble(4), interval, r.getBoolean(7) ? " " : "~"));
    }
    int sourceWidth = Math.max(6, cells.keySet().stream().mapToInt(String::length).max()
        .orElse(6));
    List<String> names = new ArrayList<>(header.keySet());
    int[] w = names.stream().mapToInt(n -> Math.max(23, Math.max(n.length(),
        header.get(n).length()))).toArray();
    console.println("preference in the outlet's own voice, 95% interval (~: too few hits to "
        + "read; n/a: fewer than two articles)");
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
}
