package org.framescope.scoring;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.lexicon.Entry;
import org.framescope.schema.ArticleStatsTable;
import org.framescope.schema.PairScoresTable;
import org.framescope.schema.SourceScoresTable;
import org.framescope.schema.SourceStoryScoresTable;
import org.framescope.schema.StoriesTable;
import org.framescope.schema.StoryScoresTable;
import org.framescope.schema.TermHitsTable;

/**
 * Scores within stories: the same event, different words.
 *
 * <p><b>Per story</b> ({@code story_scores}): a source's hits of each pole in its articles of the
 * story (a copy of another member's text left out), per voice group, and its preference, shrunk
 * toward the corpus share of pole a exactly as in {@code source_scores} ({@link
 * Stats#preference}: with the prior α, a source with two hits in a story moves a sixth of the way
 * to ±1). Its <b>deviation</b> is that preference minus the mean of the preferences of the
 * story's sources with hits (at least two, else null).
 *
 * <p><b>Per source</b> ({@code source_story_scores}): the within-story preference is the mean of
 * its deviations over its stories: what is left of its preference once each story is held fixed,
 * so a source that says "regime" because it covers the stories where everyone does is near 0
 * here. Beside it, its plain preference from {@code source_scores} (period all) minus the
 * corpus's, {@code 2π − 1}, so both read as a distance from the corpus on the same scale.
 *
 * <p><b>Per pair</b> ({@code pair_scores}): over the stories both sources covered with hits on an
 * axis, the mean of source_a's preference minus source_b's.
 *
 * <p>Intervals are 95% percentile intervals over bootstrap replicates that resample stories
 * (with replacement, as many as there are), so the stories, not the hits, are the units: the
 * seed and the number of replicates are scoring's. No interval from fewer than two stories.
 */
public final class StoryScores {
  private StoryScores() {}

  private static final String VG = "_vg";

  private static final UserDefinedFunction CORPUS_SHARE = udf(
      (UDF2<Long, Long, Double>) Stats::corpusShare, DataTypes.DoubleType);

  /** The lexicon's axes and frames as rows: name, kind, pole_a, pole_b. */
  static Dataset<Row> layoutRows(SparkSession spark, SourceScores.Layout layout) {
    List<Row> rows = new ArrayList<>();
    for (int n = 0; n < layout.names().size(); n++) {
      rows.add(RowFactory.create(layout.names().get(n), layout.kinds().get(n),
          layout.poleA().get(n), layout.poleB().get(n)));
    }
    StructType schema = new StructType()
        .add("_l_name", DataTypes.StringType, false)
        .add(StoryScoresTable.KIND, DataTypes.StringType, false)
        .add(StoryScoresTable.POLE_A, DataTypes.StringType, false)
        .add(StoryScoresTable.POLE_B, DataTypes.StringType, true);
    return spark.createDataFrame(rows, schema);
  }

  /**
   * The corpus's counts and smoothed share of pole a ({@link Stats#corpusShare}) per name and
   * voice group: {@code source_scores}' counts (period all, originals only) summed over the
   * sources. Columns {@code _c_name, _c_voice, _share}.
   */
  static Dataset<Row> corpusShares(Dataset<Row> sourceScores) {
    return sourceScores.filter(col(SourceScoresTable.PERIOD).equalTo(SourceScoresTable.PERIOD_ALL))
        .groupBy(col(SourceScoresTable.NAME_COL).as("_c_name"),
            col(SourceScoresTable.VOICE).as("_c_voice"))
        .agg(sum(col(SourceScoresTable.COUNT_A)).as("_ca"),
            sum(coalesce(col(SourceScoresTable.COUNT_B), lit(0L))).as("_cb"))
        .select(col("_c_name"), col("_c_voice"),
            CORPUS_SHARE.apply(col("_ca"), col("_cb")).as("_share"));
  }

  /**
   * The {@code story_scores} table. Needs {@code stories, article_stats, term_hits} and {@code
   * source_scores} (for the corpus shares).
   */
  public static Dataset<Row> storyScores(Dataset<Row> stories, Dataset<Row> stats,
      Dataset<Row> hits, Dataset<Row> sourceScores, SourceScores.Layout layout,
      ScoringOptions options) {
    SparkSession spark = stories.sparkSession();
    Dataset<Row> lay = layoutRows(spark, layout);
    Dataset<Row> members = stories.filter(col(StoriesTable.COPY_OF).isNull())
        .select(col(StoriesTable.STORY_ID), col(StoriesTable.ARTICLE_ID).as("_m_id"),
            col(StoriesTable.SOURCE).as("_m_source"));
    Dataset<Row> tokens = members.join(stats, col("_m_id").equalTo(col(ArticleStatsTable
            .ARTICLE_ID)))
        .select(col(StoriesTable.STORY_ID), col("_m_source"), explode(array(
            struct(lit(SourceScoresTable.VOICE_OUTLET).as("v"),
                col(ArticleStatsTable.N_TOKENS_HEADLINE).plus(col(ArticleStatsTable
                    .N_TOKENS_OUTLET)).as("n")),
            struct(lit(SourceScoresTable.VOICE_REPORTED).as("v"),
                col(ArticleStatsTable.N_TOKENS_REPORTED).as("n")),
            struct(lit(SourceScoresTable.VOICE_QUOTED).as("v"),
                col(ArticleStatsTable.N_TOKENS_QUOTED).as("n")),
            struct(lit(SourceScoresTable.VOICE_ALL).as("v"),
                col(ArticleStatsTable.N_TOKENS_HEADLINE).plus(col(ArticleStatsTable
                    .N_TOKENS_OUTLET)).plus(col(ArticleStatsTable.N_TOKENS_REPORTED))
                    .plus(col(ArticleStatsTable.N_TOKENS_QUOTED)).as("n")))).as("_t"))
        .groupBy(col(StoriesTable.STORY_ID).as("_t_story"), col("_m_source").as("_t_source"),
            col("_t.v").as("_t_voice"))
        .agg(count(lit(1)).as(StoryScoresTable.N_ARTICLES),
            sum(col("_t.n").cast("long")).as(StoryScoresTable.N_TOKENS));
    Dataset<Row> counts = hits.join(members, col(TermHitsTable.ARTICLE_ID).equalTo(col("_m_id")))
        .join(lay, col(TermHitsTable.NAME_COL).equalTo(col("_l_name")))
        .select(col(StoriesTable.STORY_ID), col("_m_source"), col(TermHitsTable.NAME_COL),
            explode(array(Groups.voiceGroup(col(TermHitsTable.VOICE)),
                lit(SourceScoresTable.VOICE_ALL))).as(VG),
            col(TermHitsTable.POLE).equalTo(col(StoryScoresTable.POLE_A)).as("_is_a"))
        .groupBy(col(StoriesTable.STORY_ID), col("_m_source"), col(TermHitsTable.NAME_COL),
            col(VG))
        .agg(sum(when(col("_is_a"), 1L).otherwise(0L)).as("_a"),
            sum(when(col("_is_a"), 0L).otherwise(1L)).as("_b"));
    double prior = options.priorStrength();
    UserDefinedFunction preference = udf((UDF3<Long, Long, Double, Double>) (a, b, share) ->
        Stats.preference(a, b, prior, share), DataTypes.DoubleType);
    Column axis = col(StoryScoresTable.KIND).equalTo(Entry.AXIS);
    Column pref = when(axis, preference.apply(col("_a"), col("_b"), col("_share")));
    Dataset<Row> scored = counts
        .join(tokens, col(StoriesTable.STORY_ID).equalTo(col("_t_story"))
            .and(col("_m_source").equalTo(col("_t_source")))
            .and(col(VG).equalTo(col("_t_voice"))))
        .join(lay, col(TermHitsTable.NAME_COL).equalTo(col("_l_name")))
        .join(corpusShares(sourceScores), col(TermHitsTable.NAME_COL).equalTo(col("_c_name"))
            .and(col(VG).equalTo(col("_c_voice"))))
        .withColumn(StoryScoresTable.PREFERENCE, pref);
    Column perStory = avg(col(StoryScoresTable.PREFERENCE)).over(Window.partitionBy(
        col(StoriesTable.STORY_ID), col(TermHitsTable.NAME_COL), col(VG)));
    Column sources = count(col(StoryScoresTable.PREFERENCE)).over(Window.partitionBy(
        col(StoriesTable.STORY_ID), col(TermHitsTable.NAME_COL), col(VG)));
    Column hitsTotal = when(axis, col("_a").plus(col("_b"))).otherwise(col("_a"));
    return scored
        .withColumn(StoryScoresTable.DEVIATION, when(sources.geq(2),
            col(StoryScoresTable.PREFERENCE).minus(perStory)))
        .select(col(StoriesTable.STORY_ID), col("_m_source").as(StoryScoresTable.SOURCE),
            col(TermHitsTable.NAME_COL).as(StoryScoresTable.NAME_COL), col(StoryScoresTable.KIND),
            col(VG).as(StoryScoresTable.VOICE), col(StoryScoresTable.N_ARTICLES),
            col(StoryScoresTable.N_TOKENS), col(StoryScoresTable.POLE_A),
            col(StoryScoresTable.POLE_B), col("_a").as(StoryScoresTable.COUNT_A),
            when(axis, col("_b")).as(StoryScoresTable.COUNT_B), col(StoryScoresTable.PREFERENCE),
            col(StoryScoresTable.DEVIATION),
            when(col(StoryScoresTable.N_TOKENS).gt(0), hitsTotal.multiply(1e4)
                .divide(col(StoryScoresTable.N_TOKENS))).as(StoryScoresTable.SALIENCE));
  }

  /**
   * The {@code source_story_scores} table, from {@code story_scores} and {@code source_scores}.
   */
  public static Dataset<Row> sourceStoryScores(Dataset<Row> storyScores,
      Dataset<Row> sourceScores, ScoringOptions options) {
    StructType out = new StructType()
        .add("_s", DataTypes.StringType).add("_n", DataTypes.StringType)
        .add("_v", DataTypes.StringType).add(SourceStoryScoresTable.N_STORIES, DataTypes.LongType)
        .add(SourceStoryScoresTable.WITHIN_STORY, DataTypes.DoubleType)
        .add(SourceStoryScoresTable.WITHIN_STORY_LOW, DataTypes.DoubleType)
        .add(SourceStoryScoresTable.WITHIN_STORY_HIGH, DataTypes.DoubleType);
    MapFunction<Row, Row> summarise = r -> {
      double[] values = values(r.getList(3));
      Double[] ci = bootstrapMean(values, options.replicates(),
          options.seed() ^ (r.getString(0) + "\u0001" + r.getString(1) + "\u0001"
              + r.getString(2)).hashCode());
      return RowFactory.create(r.getString(0), r.getString(1), r.getString(2),
          (long) values.length, mean(values), ci[0], ci[1]);
    };
    Dataset<Row> within = storyScores.filter(col(StoryScoresTable.DEVIATION).isNotNull())
        .groupBy(col(StoryScoresTable.SOURCE), col(StoryScoresTable.NAME_COL),
            col(StoryScoresTable.VOICE))
        .agg(transform(array_sort(collect_list(struct(col(StoryScoresTable.STORY_ID),
            col(StoryScoresTable.DEVIATION)))), x -> x.getField(StoryScoresTable.DEVIATION))
            .as("_d"))
        .map(summarise, Encoders.row(out));
    Dataset<Row> plain = sourceScores
        .filter(col(SourceScoresTable.PERIOD).equalTo(SourceScoresTable.PERIOD_ALL)
            .and(col(SourceScoresTable.KIND).equalTo(Entry.AXIS)))
        .select(col(SourceScoresTable.SOURCE).as("_p_s"), col(SourceScoresTable.NAME_COL)
                .as("_p_n"), col(SourceScoresTable.VOICE).as("_p_v"),
            col(SourceScoresTable.PREFERENCE).as("_p_pref"));
    Dataset<Row> corpus = corpusShares(sourceScores)
        .withColumn("_c_pref", lit(2).multiply(col("_share")).minus(1));
    return within
        .join(plain, col("_s").equalTo(col("_p_s")).and(col("_n").equalTo(col("_p_n")))
            .and(col("_v").equalTo(col("_p_v"))), "left")
        .join(corpus, col("_n").equalTo(col("_c_name")).and(col("_v").equalTo(col("_c_voice"))),
            "left")
        .select(col("_s").as(SourceStoryScoresTable.SOURCE),
            col("_n").as(SourceStoryScoresTable.NAME_COL),
            col("_v").as(SourceStoryScoresTable.VOICE), col(SourceStoryScoresTable.N_STORIES),
            col(SourceStoryScoresTable.WITHIN_STORY), col(SourceStoryScoresTable.WITHIN_STORY_LOW),
            col(SourceStoryScoresTable.WITHIN_STORY_HIGH),
            col("_p_pref").minus(col("_c_pref")).as(SourceStoryScoresTable.PLAIN),
            col("_p_pref").as(SourceStoryScoresTable.PREFERENCE));
  }

  /** The {@code pair_scores} table, from {@code story_scores}. */
  public static Dataset<Row> pairScores(Dataset<Row> storyScores, ScoringOptions options) {
    Dataset<Row> axes = storyScores.filter(col(StoryScoresTable.DEVIATION).isNotNull())
        .select(col(StoryScoresTable.STORY_ID), col(StoryScoresTable.SOURCE),
            col(StoryScoresTable.NAME_COL), col(StoryScoresTable.VOICE),
            col(StoryScoresTable.PREFERENCE));
    Dataset<Row> a = axes.toDF("_story", "_sa", "_name", "_voice", "_pa");
    Dataset<Row> b = axes.toDF("_story_b", "_sb", "_name_b", "_voice_b", "_pb");
    StructType out = new StructType()
        .add(PairScoresTable.SOURCE_A, DataTypes.StringType)
        .add(PairScoresTable.SOURCE_B, DataTypes.StringType)
        .add(PairScoresTable.NAME_COL, DataTypes.StringType)
        .add(PairScoresTable.VOICE, DataTypes.StringType)
        .add(PairScoresTable.N_STORIES, DataTypes.LongType)
        .add(PairScoresTable.MEAN_DIFFERENCE, DataTypes.DoubleType)
        .add(PairScoresTable.DIFFERENCE_LOW, DataTypes.DoubleType)
        .add(PairScoresTable.DIFFERENCE_HIGH, DataTypes.DoubleType);
    MapFunction<Row, Row> summarise = r -> {
      double[] values = values(r.getList(4));
      Double[] ci = bootstrapMean(values, options.replicates(), options.seed()
          ^ (r.getString(0) + "\u0001" + r.getString(1) + "\u0001" + r.getString(2) + "\u0001"
              + r.getString(3)).hashCode());
      return RowFactory.create(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
          (long) values.length, mean(values), ci[0], ci[1]);
    };
    return a.join(b, col("_story").equalTo(col("_story_b"))
            .and(col("_name").equalTo(col("_name_b"))).and(col("_voice").equalTo(col("_voice_b")))
            .and(col("_sa").lt(col("_sb"))))
        .groupBy(col("_sa"), col("_sb"), col("_name"), col("_voice"))
        .agg(transform(array_sort(collect_list(struct(col("_story"),
            col("_pa").minus(col("_pb")).as("_d")))), x -> x.getField("_d")).as("_d"))
        .map(summarise, Encoders.row(out));
  }

  private static double[] values(List<Double> list) {
    double[] v = new double[list.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = list.get(i);
    }
    return v;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? Double.NaN : s / v.length;
  }

  /**
   * The 95% percentile interval of the mean of {@code values} over {@code replicates} resamples
   * with replacement; nulls from fewer than two values.
   */
  static Double[] bootstrapMean(double[] values, int replicates, long seed) {
    if (values.length < 2 || replicates < 1) {
      return new Double[] {null, null};
    }
    SplittableRandom r = new SplittableRandom(seed);
    double[] means = new double[replicates];
    for (int k = 0; k < replicates; k++) {
      double s = 0;
      for (int i = 0; i < values.length; i++) {
        s += values[r.nextInt(values.length)];
      }
      means[k] = s / values.length;
    }
    return Stats.interval(means, replicates);
  }
}
