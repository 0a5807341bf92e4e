package org.framescope.scoring;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.lexicon.Lexicon;
import org.framescope.schema.ArticleStatsTable;
import org.framescope.schema.QuotesTable;
import org.framescope.schema.SourceScoresTable;
import org.framescope.schema.SpeakerScoresTable;
import org.framescope.schema.TermHitsTable;

/**
 * Whom each source lets speak ({@code speaker_scores}), from {@code quotes}, per source and period
 * ({@code all} and each month), original articles only, attributions with a resolved speaker:
 *
 * <ul>
 *   <li>per speaker (its resolved name) and per speaker actor: attributions, articles, words of
 *       content and their share of the source's attributed words;
 *   <li>per source: all of those, the number of distinct speakers and the diversity of who
 *       speaks, the Shannon entropy (bits) of the speakers' shares of words and its effective
 *       number, {@code 2^H} (as many equally heard speakers);
 *   <li>per speaker actor, for each axis: the hits of the words its speakers are given (quoted or
 *       reported, within the content of their attributions) and their preference, {@code 2p - 1}
 *       with {@code p} shrunk toward the corpus's share of pole a among all attributed words of
 *       the period ({@link Stats#preference}, prior strength {@code --prior-strength}).
 * </ul>
 */
public final class SpeakerScores {
  private SpeakerScores() {}

  public static Dataset<Row> speakerScores(Dataset<Row> quotes, Dataset<Row> stats,
      Dataset<Row> hits, Lexicon lexicon, ScoringOptions options) {
    Dataset<Row> originals = stats.filter(not(col(ArticleStatsTable.IS_DUPLICATE)))
        .select(col(ArticleStatsTable.ARTICLE_ID).as("_id"));
    Column periods = filter(array(lit(SourceScoresTable.PERIOD_ALL),
        date_format(col(QuotesTable.PUBLISHED), "yyyy-MM")), x -> x.isNotNull());
    Dataset<Row> q = quotes.filter(col(QuotesTable.SPEAKER_NAME).isNotNull())
        .join(originals, col(QuotesTable.ARTICLE_ID).equalTo(col("_id")))
        .select(col(QuotesTable.SOURCE), explode(periods).as(SpeakerScoresTable.PERIOD),
            col(QuotesTable.SPEAKER_NAME), col(QuotesTable.SPEAKER_ACTOR),
            col(QuotesTable.ARTICLE_ID), col(QuotesTable.N_TOKENS),
            col(QuotesTable.CHAR_START), col(QuotesTable.CHAR_END),
            col(QuotesTable.SENTENCE_INDEX));
    Column[] key = {col(QuotesTable.SOURCE), col(SpeakerScoresTable.PERIOD)};
    Dataset<Row> totals = q.groupBy(key).agg(sum(QuotesTable.N_TOKENS).as("_total"));

    Dataset<Row> bySpeaker = q.groupBy(col(QuotesTable.SOURCE), col(SpeakerScoresTable.PERIOD),
            col(QuotesTable.SPEAKER_NAME).as(SpeakerScoresTable.SPEAKER))
        .agg(count(lit(1)).as(SpeakerScoresTable.N_ATTRIBUTIONS),
            countDistinct(col(QuotesTable.ARTICLE_ID)).as(SpeakerScoresTable.N_ARTICLES),
            sum(QuotesTable.N_TOKENS).as(SpeakerScoresTable.N_TOKENS))
        .join(totals, new String[] {QuotesTable.SOURCE, SpeakerScoresTable.PERIOD}, "inner")
        .withColumn(SpeakerScoresTable.SHARE_OF_TOKENS, share());
    Dataset<Row> diversity = bySpeaker
        .withColumn("_p", col(SpeakerScoresTable.SHARE_OF_TOKENS))
        .groupBy(key)
        .agg(count(lit(1)).as(SpeakerScoresTable.N_SPEAKERS),
            sum(when(col("_p").gt(0), col("_p").multiply(log2(col("_p"))).multiply(-1))
                .otherwise(0.0)).as(SpeakerScoresTable.ENTROPY_BITS))
        .withColumn(SpeakerScoresTable.EFFECTIVE_SPEAKERS,
            pow(lit(2.0), col(SpeakerScoresTable.ENTROPY_BITS)));
    Dataset<Row> bySource = q.groupBy(key)
        .agg(count(lit(1)).as(SpeakerScoresTable.N_ATTRIBUTIONS),
            countDistinct(col(QuotesTable.ARTICLE_ID)).as(SpeakerScoresTable.N_ARTICLES),
            sum(QuotesTable.N_TOKENS).as(SpeakerScoresTable.N_TOKENS))
        .join(diversity, new String[] {QuotesTable.SOURCE, SpeakerScoresTable.PERIOD});
    Dataset<Row> byActor = q.filter(col(QuotesTable.SPEAKER_ACTOR).isNotNull())
        .groupBy(col(QuotesTable.SOURCE), col(SpeakerScoresTable.PERIOD),
            col(QuotesTable.SPEAKER_ACTOR).as(SpeakerScoresTable.SPEAKER))
        .agg(count(lit(1)).as(SpeakerScoresTable.N_ATTRIBUTIONS),
            countDistinct(col(QuotesTable.ARTICLE_ID)).as(SpeakerScoresTable.N_ARTICLES),
            sum(QuotesTable.N_TOKENS).as(SpeakerScoresTable.N_TOKENS))
        .join(totals, new String[] {QuotesTable.SOURCE, SpeakerScoresTable.PERIOD}, "inner")
        .withColumn(SpeakerScoresTable.SHARE_OF_TOKENS, share())
        .join(axisPreferences(q, hits, lexicon, options),
            new String[] {QuotesTable.SOURCE, SpeakerScoresTable.PERIOD,
                SpeakerScoresTable.SPEAKER}, "left");

    Column nullLong = lit(null).cast(DataTypes.LongType);
    Column nullDouble = lit(null).cast(DataTypes.DoubleType);
    Column noPrefs = lit(null).cast(DataTypes.createMapType(DataTypes.StringType,
        DataTypes.DoubleType, false));
    Column noHits = lit(null).cast(DataTypes.createMapType(DataTypes.StringType,
        DataTypes.LongType, false));
    Dataset<Row> sources = bySource.select(col(QuotesTable.SOURCE), col(SpeakerScoresTable.PERIOD),
        lit(SpeakerScoresTable.LEVEL_SOURCE), lit(null).cast(DataTypes.StringType),
        col(SpeakerScoresTable.N_ATTRIBUTIONS), col(SpeakerScoresTable.N_ARTICLES),
        col(SpeakerScoresTable.N_TOKENS), when(col(SpeakerScoresTable.N_TOKENS).gt(0), lit(1.0))
            .otherwise(lit(0.0)), col(SpeakerScoresTable.N_SPEAKERS),
        col(SpeakerScoresTable.ENTROPY_BITS), col(SpeakerScoresTable.EFFECTIVE_SPEAKERS),
        noPrefs, noHits);
    Dataset<Row> speakers = bySpeaker.select(col(QuotesTable.SOURCE),
        col(SpeakerScoresTable.PERIOD), lit(SpeakerScoresTable.LEVEL_SPEAKER),
        col(SpeakerScoresTable.SPEAKER), col(SpeakerScoresTable.N_ATTRIBUTIONS),
        col(SpeakerScoresTable.N_ARTICLES), col(SpeakerScoresTable.N_TOKENS),
        col(SpeakerScoresTable.SHARE_OF_TOKENS), nullLong, nullDouble, nullDouble, noPrefs,
        noHits);
    Dataset<Row> actors = byActor.select(col(QuotesTable.SOURCE), col(SpeakerScoresTable.PERIOD),
        lit(SpeakerScoresTable.LEVEL_ACTOR), col(SpeakerScoresTable.SPEAKER),
        col(SpeakerScoresTable.N_ATTRIBUTIONS), col(SpeakerScoresTable.N_ARTICLES),
        col(SpeakerScoresTable.N_TOKENS), col(SpeakerScoresTable.SHARE_OF_TOKENS), nullLong,
        nullDouble, nullDouble, col(SpeakerScoresTable.PREFERENCE_BY_AXIS),
        col(SpeakerScoresTable.HITS_BY_AXIS));
    Dataset<Row> all = sources.union(speakers).union(actors);
    return all.sparkSession().createDataFrame(all.javaRDD(), SpeakerScoresTable.SCHEMA);
  }

  private static Column share() {
    return when(col("_total").gt(0), col(SpeakerScoresTable.N_TOKENS).divide(col("_total")))
        .otherwise(lit(0.0));
  }

  /** Per source, period and speaker actor: maps axis to preference and to hits. */
  static Dataset<Row> axisPreferences(Dataset<Row> q, Dataset<Row> hits, Lexicon lexicon,
      ScoringOptions options) {
    SparkSession spark = q.sparkSession();
    List<Row> poles = new ArrayList<>();
    for (Lexicon.Axis a : lexicon.axes()) {
      poles.add(RowFactory.create(a.name(), a.poleA()));
    }
    Dataset<Row> poleA = spark.createDataFrame(poles, new StructType()
        .add("_axis", DataTypes.StringType).add("_pole_a", DataTypes.StringType));
    Dataset<Row> spoken = hits
        .filter(col(TermHitsTable.KIND).equalTo("axis")
            .and(col(TermHitsTable.VOICE).isin(TermHitsTable.VOICE_QUOTED,
                TermHitsTable.VOICE_REPORTED)))
        .select(col(TermHitsTable.ARTICLE_ID).as("_h_id"), col(TermHitsTable.NAME_COL).as("_axis"),
            col(TermHitsTable.POLE).as("_pole"), col(TermHitsTable.CHAR_START).as("_h_start"),
            col(TermHitsTable.SENTENCE_INDEX).as("_h_sentence"))
        .join(broadcast(poleA), "_axis");
    Dataset<Row> inside = q.filter(col(QuotesTable.SPEAKER_ACTOR).isNotNull())
        .join(spoken, col(QuotesTable.ARTICLE_ID).equalTo(col("_h_id"))
            .and(col("_h_start").geq(col(QuotesTable.CHAR_START)))
            .and(col("_h_start").lt(col(QuotesTable.CHAR_END)))
            .and(col("_h_sentence").equalTo(0).equalTo(col(QuotesTable.SENTENCE_INDEX)
                .equalTo(0))))
        .withColumn("_a", when(col("_pole").equalTo(col("_pole_a")), 1L).otherwise(0L));
    Dataset<Row> counts = inside.groupBy(col(QuotesTable.SOURCE), col(SpeakerScoresTable.PERIOD),
            col(QuotesTable.SPEAKER_ACTOR).as(SpeakerScoresTable.SPEAKER), col("_axis"))
        .agg(sum("_a").as("_na"), count(lit(1)).as("_n"));
    Dataset<Row> corpus = inside.groupBy(col(SpeakerScoresTable.PERIOD).as("_c_period"),
            col("_axis").as("_c_axis"))
        .agg(sum("_a").divide(count(lit(1))).as("_share"));
    double prior = options.priorStrength();
    Column pref = lit(2.0).multiply(col("_na").plus(col("_share").multiply(prior))
        .divide(col("_n").plus(prior))).minus(1.0);
    return counts.join(corpus, col(SpeakerScoresTable.PERIOD).equalTo(col("_c_period"))
            .and(col("_axis").equalTo(col("_c_axis"))))
        .groupBy(col(QuotesTable.SOURCE), col(SpeakerScoresTable.PERIOD),
            col(SpeakerScoresTable.SPEAKER))
        // Sorted by axis: the same map, entry for entry, however the rows were partitioned.
        .agg(map_from_entries(array_sort(collect_list(struct(col("_axis"), pref))))
                .as(SpeakerScoresTable.PREFERENCE_BY_AXIS),
            map_from_entries(array_sort(collect_list(struct(col("_axis"), col("_n")))))
                .as(SpeakerScoresTable.HITS_BY_AXIS));
  }
}
