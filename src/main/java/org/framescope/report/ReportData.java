package org.framescope.report;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.io.Tables;
import org.framescope.schema.ActorScoresTable;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.SourceKeynessTable;
import org.framescope.schema.SourceScoresTable;
import org.framescope.schema.SourceStoryScoresTable;
import org.framescope.schema.SpeakerScoresTable;
import org.framescope.schema.StorySummaryTable;
import org.framescope.schema.TermHitsTable;
import org.framescope.scoring.Groups;

/**
 * What a report shows, brought to the driver from an output's tables: only aggregated rows
 * (bounded by sources × names × voices, or by sources × a few), never per-article rows except the
 * handful of articles {@link #evidence} quotes.
 */
final class ReportData {
  private ReportData() {}

  /** Sources drawn over time: the ones with the most articles. */
  static final int TIMELINE_SOURCES = 6;
  /** Keyness terms listed per source. */
  static final int KEYNESS_TERMS = 10;
  /** Speakers listed per source. */
  static final int SPEAKERS = 3;
  /** Stories listed. */
  static final int STORIES = 15;
  /** Evidence lines per score. */
  static final int EVIDENCE_LINES = 3;
  /** Words of context each side of an evidence line's match. */
  static final int EVIDENCE_WORDS = 10;

  /** A row of {@code source_scores}; nullable columns are boxed. */
  record Score(String source, String name, String kind, String voice, String period,
      long nArticles, long nArticlesWithHits, String poleA, String poleB, long countA,
      Long countB, Double preference, Double low, Double high, Double salience,
      Double salienceLow, Double salienceHigh, boolean reliable, List<String> evidence) {

    long hits() {
      return countA + (countB == null ? 0 : countB);
    }

    boolean isAxis() {
      return "axis".equals(kind);
    }

    /** What the row measures: its preference (axis) or salience (frame), with its interval. */
    Double measure() {
      return isAxis() ? preference : salience;
    }

    Double measureLow() {
      return isAxis() ? low : salienceLow;
    }

    Double measureHigh() {
      return isAxis() ? high : salienceHigh;
    }

    /** The value a source is ranked by: {@link #measure}, 0 when there is none. */
    double value() {
      Double v = measure();
      return v == null ? 0 : v;
    }
  }

  /** A row of {@code actor_scores}. */
  record Actor(String source, String actor, String voice, long mentions, long articles,
      Double mean, Double low, Double high, boolean reliable) {}

  /** A source's most quoted speakers. */
  record Speakers(String source, long attributions, Double effectiveSpeakers,
      List<String> top) {}

  /** A row of {@code story_summary}. */
  record Story(String id, String first, String last, long articles, long sources,
      List<String> terms, String headline, String headlineSource) {}

  /** A row of {@code source_story_scores}. */
  record Within(String source, String name, String voice, long stories, Double within,
      Double low, Double high, Double plain) {}

  /** A score whose evidence is shown. */
  record EvidenceKey(String source, String name, String voice) {}

  /** One keyword-in-context line. */
  record Line(String articleId, String published, String url, String voice, String left,
      String match, String right) {}

  /** The rows of the whole period, per voice (not 'all'): sources × names × 3. */
  static List<Score> scores(SparkSession spark, Function<String, String> path) {
    return scores(Tables.read(spark, SourceScoresTable.SCHEMA, path.apply(SourceScoresTable.NAME))
        .filter(col(SourceScoresTable.PERIOD).equalTo(SourceScoresTable.PERIOD_ALL)
            .and(col(SourceScoresTable.VOICE).notEqual(SourceScoresTable.VOICE_ALL))));
  }

  /** The monthly rows of {@code sources} in the outlet's own voice: sources × names × months. */
  static List<Score> monthly(SparkSession spark, Function<String, String> path,
      Collection<String> sources) {
    return scores(Tables.read(spark, SourceScoresTable.SCHEMA, path.apply(SourceScoresTable.NAME))
        .filter(col(SourceScoresTable.PERIOD).notEqual(SourceScoresTable.PERIOD_ALL)
            .and(col(SourceScoresTable.VOICE).equalTo(SourceScoresTable.VOICE_OUTLET))
            .and(col(SourceScoresTable.SOURCE).isin(sources.toArray()))));
  }

  private static List<Score> scores(Dataset<Row> df) {
    List<Score> out = new ArrayList<>();
    for (Row r : df.collectAsList()) {
      out.add(new Score(r.getAs(SourceScoresTable.SOURCE), r.getAs(SourceScoresTable.NAME_COL),
          r.getAs(SourceScoresTable.KIND), r.getAs(SourceScoresTable.VOICE),
          r.getAs(SourceScoresTable.PERIOD), r.getAs(SourceScoresTable.N_ARTICLES),
          r.getAs(SourceScoresTable.N_ARTICLES_WITH_HITS), r.getAs(SourceScoresTable.POLE_A),
          r.getAs(SourceScoresTable.POLE_B), r.getAs(SourceScoresTable.COUNT_A),
          r.getAs(SourceScoresTable.COUNT_B), r.getAs(SourceScoresTable.PREFERENCE),
          r.getAs(SourceScoresTable.PREFERENCE_LOW), r.getAs(SourceScoresTable.PREFERENCE_HIGH),
          r.getAs(SourceScoresTable.SALIENCE), r.getAs(SourceScoresTable.SALIENCE_LOW),
          r.getAs(SourceScoresTable.SALIENCE_HIGH), r.getAs(SourceScoresTable.IS_RELIABLE),
          r.getList(r.fieldIndex(SourceScoresTable.EVIDENCE))));
    }
    return out;
  }

  static List<Actor> actors(SparkSession spark, Function<String, String> path) {
    List<Actor> out = new ArrayList<>();
    for (Row r : Tables.read(spark, ActorScoresTable.SCHEMA, path.apply(ActorScoresTable.NAME))
        .filter(col(ActorScoresTable.PERIOD).equalTo(SourceScoresTable.PERIOD_ALL)
            .and(col(ActorScoresTable.VOICE).isin(SourceScoresTable.VOICE_OUTLET,
                SourceScoresTable.VOICE_QUOTED)))
        .collectAsList()) {
      out.add(new Actor(r.getAs(ActorScoresTable.SOURCE), r.getAs(ActorScoresTable.ACTOR),
          r.getAs(ActorScoresTable.VOICE), r.getAs(ActorScoresTable.N_MENTIONS),
          r.getAs(ActorScoresTable.N_ARTICLES), r.getAs(ActorScoresTable.MEAN_COMPOUND),
          r.getAs(ActorScoresTable.MEAN_LOW), r.getAs(ActorScoresTable.MEAN_HIGH),
          r.getAs(ActorScoresTable.IS_RELIABLE)));
    }
    return out;
  }

  /** Each source's strongest {@value #KEYNESS_TERMS} terms over the rest, in rank order. */
  static Map<String, List<String>> keyness(SparkSession spark, Function<String, String> path) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Row r : Tables.read(spark, SourceKeynessTable.SCHEMA,
            path.apply(SourceKeynessTable.NAME))
        .filter(col(SourceKeynessTable.DIRECTION).equalTo(SourceKeynessTable.OVER))
        .withColumn("_n", row_number().over(Window.partitionBy(SourceKeynessTable.SOURCE)
            .orderBy(col(SourceKeynessTable.Z).desc(), col(SourceKeynessTable.TERM))))
        .filter(col("_n").leq(KEYNESS_TERMS))
        .orderBy(SourceKeynessTable.SOURCE, "_n")
        .select(SourceKeynessTable.SOURCE, SourceKeynessTable.TERM).collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
    }
    return out;
  }

  /** Per source: its attributions and its {@value #SPEAKERS} most quoted speakers. */
  static List<Speakers> speakers(SparkSession spark, Function<String, String> path) {
    Dataset<Row> all = spark.read().parquet(path.apply(SpeakerScoresTable.NAME))
        .filter(col(SpeakerScoresTable.PERIOD).equalTo(SourceScoresTable.PERIOD_ALL));
    Map<String, List<String>> top = new LinkedHashMap<>();
    for (Row r : all.filter(col(SpeakerScoresTable.LEVEL).equalTo(SpeakerScoresTable.LEVEL_SPEAKER))
        .withColumn("_n", row_number().over(Window.partitionBy(SpeakerScoresTable.SOURCE)
            .orderBy(col(SpeakerScoresTable.N_ATTRIBUTIONS).desc(),
                col(SpeakerScoresTable.SPEAKER))))
        .filter(col("_n").leq(SPEAKERS)).orderBy(SpeakerScoresTable.SOURCE, "_n")
        .select(SpeakerScoresTable.SOURCE, SpeakerScoresTable.SPEAKER,
            SpeakerScoresTable.N_ATTRIBUTIONS).collectAsList()) {
      top.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
          .add(r.getString(1) + " (" + r.getLong(2) + ")");
    }
    List<Speakers> out = new ArrayList<>();
    for (Row r : all.filter(col(SpeakerScoresTable.LEVEL).equalTo(SpeakerScoresTable.LEVEL_SOURCE))
        .select(SpeakerScoresTable.SOURCE, SpeakerScoresTable.N_ATTRIBUTIONS,
            SpeakerScoresTable.EFFECTIVE_SPEAKERS).collectAsList()) {
      out.add(new Speakers(r.getString(0), r.getLong(1), r.isNullAt(2) ? null : r.getDouble(2),
          top.getOrDefault(r.getString(0), List.of())));
    }
    return out;
  }

  static List<Story> stories(SparkSession spark, Function<String, String> path) {
    List<Story> out = new ArrayList<>();
    for (Row r : Tables.read(spark, StorySummaryTable.SCHEMA, path.apply(StorySummaryTable.NAME))
        .orderBy(col(StorySummaryTable.N_SOURCES).desc(), col(StorySummaryTable.N_ARTICLES).desc(),
            col(StorySummaryTable.STORY_ID))
        .limit(STORIES).collectAsList()) {
      out.add(new Story(r.getAs(StorySummaryTable.STORY_ID),
          String.valueOf(r.<Object>getAs(StorySummaryTable.FIRST_PUBLISHED)),
          String.valueOf(r.<Object>getAs(StorySummaryTable.LAST_PUBLISHED)),
          r.getAs(StorySummaryTable.N_ARTICLES), r.getAs(StorySummaryTable.N_SOURCES),
          r.getList(r.fieldIndex(StorySummaryTable.TOP_TERMS)),
          r.getAs(StorySummaryTable.HEADLINE), r.getAs(StorySummaryTable.HEADLINE_SOURCE)));
    }
    return out;
  }

  static List<Within> within(SparkSession spark, Function<String, String> path) {
    List<Within> out = new ArrayList<>();
    for (Row r : Tables.read(spark, SourceStoryScoresTable.SCHEMA,
            path.apply(SourceStoryScoresTable.NAME))
        .filter(col(SourceStoryScoresTable.VOICE).equalTo(SourceScoresTable.VOICE_OUTLET))
        .collectAsList()) {
      out.add(new Within(r.getAs(SourceStoryScoresTable.SOURCE),
          r.getAs(SourceStoryScoresTable.NAME_COL), r.getAs(SourceStoryScoresTable.VOICE),
          r.getAs(SourceStoryScoresTable.N_STORIES), r.getAs(SourceStoryScoresTable.WITHIN_STORY),
          r.getAs(SourceStoryScoresTable.WITHIN_STORY_LOW),
          r.getAs(SourceStoryScoresTable.WITHIN_STORY_HIGH),
          r.getAs(SourceStoryScoresTable.PLAIN)));
    }
    return out;
  }

  /**
   * Up to {@value #EVIDENCE_LINES} keyword-in-context lines for each of {@code keys}: the hits
   * of the score's name and voice group in the articles its {@code evidence} column names, first
   * by date. Only those articles' texts come to the driver.
   */
  static Map<EvidenceKey, List<Line>> evidence(SparkSession spark,
      Function<String, String> path, Map<EvidenceKey, List<String>> keys) {
    Map<EvidenceKey, List<Line>> out = new LinkedHashMap<>();
    List<Row> wanted = new ArrayList<>();
    keys.forEach((k, ids) -> ids.forEach(id -> wanted.add(RowFactory.create(k.source(),
        k.name(), k.voice(), id))));
    if (wanted.isEmpty()) {
      return out;
    }
    StructType wantedSchema = new StructType().add("_source", DataTypes.StringType)
        .add("_name", DataTypes.StringType).add("_voice", DataTypes.StringType)
        .add("_id", DataTypes.StringType);
    Dataset<Row> want = spark.createDataFrame(wanted, wantedSchema);
    Dataset<Row> hits = Tables.read(spark, TermHitsTable.SCHEMA, path.apply(TermHitsTable.NAME));
    Dataset<Row> chosen = hits.join(broadcast(want),
            col(TermHitsTable.ARTICLE_ID).equalTo(col("_id"))
                .and(col(TermHitsTable.NAME_COL).equalTo(col("_name")))
                .and(Groups.voiceGroup(col(TermHitsTable.VOICE)).equalTo(col("_voice"))))
        .withColumn("_n", row_number().over(Window.partitionBy("_source", "_name", "_voice")
            .orderBy(col(TermHitsTable.PUBLISHED).asc_nulls_last(), col(TermHitsTable.ARTICLE_ID),
                col(TermHitsTable.SENTENCE_INDEX), col(TermHitsTable.CHAR_START))))
        .filter(col("_n").leq(EVIDENCE_LINES));
    Dataset<Row> texts = Tables.read(spark, ArticlesTable.SCHEMA, path.apply(ArticlesTable.NAME))
        .select(col(ArticlesTable.ARTICLE_ID).as("_a_id"), col(ArticlesTable.TITLE).as("_title"),
            col(ArticlesTable.TEXT).as("_text"), col(ArticlesTable.URL).as("_url"))
        .join(broadcast(want.select(col("_id").as("_a_id")).distinct()), "_a_id");
    for (Row r : chosen.join(texts, col(TermHitsTable.ARTICLE_ID).equalTo(col("_a_id")))
        .orderBy("_source", "_name", "_voice", "_n").collectAsList()) {
      boolean headline = r.<Integer>getAs(TermHitsTable.SENTENCE_INDEX) == 0;
      String text = headline ? r.getAs("_title") : r.getAs("_text");
      int start = r.getAs(TermHitsTable.CHAR_START);
      int end = r.getAs(TermHitsTable.CHAR_END);
      if (text == null || end > text.length()) {
        continue;
      }
      EvidenceKey k = new EvidenceKey(r.getAs("_source"), r.getAs("_name"), r.getAs("_voice"));
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(new Line(
          r.getAs(TermHitsTable.ARTICLE_ID),
          String.valueOf(r.<Object>getAs(TermHitsTable.PUBLISHED)), r.getAs("_url"),
          r.getAs(TermHitsTable.VOICE),
          Kwic.lastWords(text.substring(0, start), EVIDENCE_WORDS), text.substring(start, end),
          Kwic.firstWords(text.substring(end), EVIDENCE_WORDS)));
    }
    return out;
  }
}
