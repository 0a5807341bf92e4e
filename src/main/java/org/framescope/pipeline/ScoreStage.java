package org.framescope.pipeline;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.io.OutputFolder;
import org.framescope.io.Tables;
import org.framescope.lexicon.Lexicon;
import org.framescope.schema.ActorMentionsTable;
import org.framescope.schema.ActorScoresTable;
import org.framescope.schema.ArticleStatsTable;
import org.framescope.schema.PairScoresTable;
import org.framescope.schema.QuotesTable;
import org.framescope.schema.SourceStoryScoresTable;
import org.framescope.schema.StoriesTable;
import org.framescope.schema.StoryScoresTable;
import org.framescope.schema.SourceKeynessTable;
import org.framescope.schema.SourceScoresTable;
import org.framescope.schema.SpeakerScoresTable;
import org.framescope.schema.TermCountsTable;
import org.framescope.schema.TermHitsTable;
import org.framescope.scoring.ActorScores;
import org.framescope.scoring.Keyness;
import org.framescope.scoring.ScoringOptions;
import org.framescope.scoring.SourceScores;
import org.framescope.scoring.SpeakerScores;
import org.framescope.scoring.StoryScores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The scoring stage: the analysis tables in, the per-source scores out. Reads tables only. */
public final class ScoreStage {
  private static final Logger LOG = LoggerFactory.getLogger(ScoreStage.class);

  public static final List<String> TABLES = List.of(SourceScoresTable.NAME, ActorScoresTable.NAME,
      SpeakerScoresTable.NAME, SourceKeynessTable.NAME);

  /** The tables scored within stories, when the output has stories. */
  public static final List<String> STORY_TABLES = List.of(StoryScoresTable.NAME,
      SourceStoryScoresTable.NAME, PairScoresTable.NAME);

  /** The tables a scoring writes, with stories or without. */
  public static List<String> tables(boolean stories) {
    List<String> t = new java.util.ArrayList<>(TABLES);
    if (stories) {
      t.addAll(STORY_TABLES);
    }
    return t;
  }

  /** What scoring wrote; run.json records every component. */
  public record Result(long sourceScoresRows, Long pairScoresRows,
      Map<String, Double> timingsSeconds) {}

  private ScoreStage() {}

  /** @param table where each input table is (staged in a run, published for {@code score}) */
  public static Result run(SparkSession spark, Function<String, String> table, Lexicon lexicon,
      ScoringOptions options, boolean stories, OutputFolder out) {
    Timings timings = new Timings();
    Dataset<Row> stats = Tables.read(spark, ArticleStatsTable.SCHEMA,
        table.apply(ArticleStatsTable.NAME));
    Dataset<Row> hits = Tables.read(spark, TermHitsTable.SCHEMA, table.apply(TermHitsTable.NAME));
    Dataset<Row> mentions = Tables.read(spark, ActorMentionsTable.SCHEMA,
        table.apply(ActorMentionsTable.NAME));
    Dataset<Row> terms = Tables.read(spark, TermCountsTable.SCHEMA,
        table.apply(TermCountsTable.NAME));
    Dataset<Row> quotes = Tables.read(spark, QuotesTable.SCHEMA, table.apply(QuotesTable.NAME));

    Tables.write(SourceScores.sourceScores(stats, hits, SourceScores.Layout.of(lexicon), options),
        SourceScoresTable.SCHEMA, out.staged(SourceScoresTable.NAME));
    timings.step("score_sources");
    List<String> actors = lexicon.actors().stream().map(Lexicon.Named::name).toList();
    Tables.write(ActorScores.actorScores(stats, mentions, actors, options),
        ActorScoresTable.SCHEMA, out.staged(ActorScoresTable.NAME));
    timings.step("score_actors");
    Tables.write(SpeakerScores.speakerScores(quotes, stats, hits, lexicon, options),
        SpeakerScoresTable.SCHEMA, out.staged(SpeakerScoresTable.NAME));
    timings.step("score_speakers");
    Tables.write(Keyness.sourceKeyness(terms, stats, options), SourceKeynessTable.SCHEMA,
        out.staged(SourceKeynessTable.NAME));
    timings.step("score_keyness");
    Long pairs = null;
    if (stories) {
      Dataset<Row> found = Tables.read(spark, StoriesTable.SCHEMA, table.apply(StoriesTable.NAME));
      Dataset<Row> sourceScores = Tables.read(spark, SourceScoresTable.SCHEMA,
          out.staged(SourceScoresTable.NAME));
      Tables.write(StoryScores.storyScores(found, stats, hits, sourceScores,
          SourceScores.Layout.of(lexicon), options), StoryScoresTable.SCHEMA,
          out.staged(StoryScoresTable.NAME));
      Dataset<Row> perStory = Tables.read(spark, StoryScoresTable.SCHEMA,
          out.staged(StoryScoresTable.NAME));
      Tables.write(StoryScores.sourceStoryScores(perStory, sourceScores, options),
          SourceStoryScoresTable.SCHEMA, out.staged(SourceStoryScoresTable.NAME));
      Tables.write(StoryScores.pairScores(perStory, options), PairScoresTable.SCHEMA,
          out.staged(PairScoresTable.NAME));
      pairs = spark.read().parquet(out.staged(PairScoresTable.NAME)).count();
      timings.step("score_stories");
    }
    timings.total("score");
    long rows = spark.read().parquet(out.staged(SourceScoresTable.NAME)).count();
    LOG.info("score: {} source score rows", rows);
    return new Result(rows, pairs, timings.asMap());
  }
}
