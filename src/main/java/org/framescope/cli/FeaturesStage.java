package org.framescope.cli;

import static org.apache.spark.sql.functions.*;

import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.features.Sentiment;
import org.framescope.features.TermHits;
import org.framescope.io.OutputFolder;
import org.framescope.io.RunManifest;
import org.framescope.io.Tables;
import org.framescope.lexicon.Lexicon;
import org.framescope.lexicon.TermMatcher;
import org.framescope.schema.ActorMentionsTable;
import org.framescope.schema.ArticleSentimentTable;
import org.framescope.schema.ArticleStatsTable;
import org.framescope.sentiment.SentenceScorer;
import org.framescope.sentiment.ValenceLexicon;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.TermHitsTable;
import org.framescope.text.SparkNlpLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The features and sentiment stages: the articles table in; {@code term_hits} and {@code
 * article_stats} from one pass over the text, {@code article_sentiment} and {@code
 * actor_mentions} from a second (work tables hold each pass's result so that both of its outputs
 * read it). With the Spark NLP layer, its annotations are computed once, for both passes.
 */
final class FeaturesStage {
  private static final Logger LOG = LoggerFactory.getLogger(FeaturesStage.class);
  static final java.util.List<String> TABLES = java.util.List.of(TermHitsTable.NAME,
      ArticleStatsTable.NAME, ArticleSentimentTable.NAME, ActorMentionsTable.NAME);
  private static final String WORK = "work_features";
  private static final String WORK_LAYER = "work_text_layer";
  private static final String WORK_SENTIMENT = "work_sentiment";

  private FeaturesStage() {}

  static void run(SparkSession spark, String articlesPath, Lexicon lexicon,
      ValenceLexicon valence, FeaturesOptions options, OutputFolder out, RunManifest manifest) {
    long started = System.nanoTime();
    Dataset<Row> articles = Tables.read(spark, ArticlesTable.SCHEMA, articlesPath);
    if (FeaturesOptions.NLP_SPARK_NLP.equals(options.nlp)) {
      PipelineModel model = options.nlpPipeline != null
          ? SparkNlpLayer.load(options.nlpPipeline)
          : SparkNlpLayer.defaultPipeline(ArticlesTable.TEXT).fit(articles);
      SparkNlpLayer.withSpans(articles, model, TermHits.SENTENCE_SPANS, TermHits.TOKEN_SPANS)
          .write().parquet(out.staged(WORK_LAYER));
      articles = spark.read().parquet(out.staged(WORK_LAYER));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<TermMatcher> matcher = jsc.broadcast(new TermMatcher(lexicon.termEntries()));
    TermHits.withFeatures(articles, matcher).write().parquet(out.staged(WORK));
    Dataset<Row> features = spark.read().parquet(out.staged(WORK));
    Tables.write(TermHits.explodeTermHits(features), TermHitsTable.SCHEMA,
        out.staged(TermHitsTable.NAME));
    Tables.write(TermHits.perArticleStats(features), ArticleStatsTable.SCHEMA,
        out.staged(ArticleStatsTable.NAME));
    long written = System.nanoTime();

    Broadcast<Sentiment.Models> models = jsc.broadcast(new Sentiment.Models(
        new SentenceScorer(valence), new TermMatcher(lexicon.actorEntries())));
    Sentiment.withSentiment(articles, models).write().parquet(out.staged(WORK_SENTIMENT));
    Dataset<Row> scored = spark.read().parquet(out.staged(WORK_SENTIMENT));
    Tables.write(Sentiment.perArticleVoice(scored), ArticleSentimentTable.SCHEMA,
        out.staged(ArticleSentimentTable.NAME));
    Tables.write(Sentiment.explodeActorMentions(scored), ActorMentionsTable.SCHEMA,
        out.staged(ActorMentionsTable.NAME));
    long scoredAt = System.nanoTime();

    Row totals = spark.read().parquet(out.staged(ArticleStatsTable.NAME)).agg(
        count(lit(1)), sum(ArticleStatsTable.N_SENTENCES),
        sum(ArticleStatsTable.N_TOKENS_HEADLINE), sum(ArticleStatsTable.N_TOKENS_OUTLET),
        sum(ArticleStatsTable.N_TOKENS_QUOTED)).first();
    Map<String, Long> byVoice = new TreeMap<>();
    for (Row r : spark.read().parquet(out.staged(TermHitsTable.NAME))
        .groupBy(TermHitsTable.VOICE).count().collectAsList()) {
      byVoice.put(r.getString(0), r.getLong(1));
    }
    long articlesAnalysed = totals.getLong(0);
    Map<String, Object> lex = manifest.section("lexicon");
    lex.put("name", lexicon.name());
    lex.put("origin", lexicon.origin());
    lex.put("sha256", lexicon.sha256());
    lex.put("axes", lexicon.axes().size());
    lex.put("frames", lexicon.frames().size());
    lex.put("actors", lexicon.actors().size());
    manifest.put("text_layer", options.nlp);
    manifest.put("articles_analysed", articlesAnalysed);
    manifest.put("sentences", articlesAnalysed == 0 ? 0 : totals.getLong(1));
    manifest.put("tokens_by_voice", articlesAnalysed == 0 ? Map.of() : Map.of(
        TermHitsTable.VOICE_HEADLINE, totals.getLong(2),
        TermHitsTable.VOICE_OUTLET, totals.getLong(3),
        TermHitsTable.VOICE_QUOTED, totals.getLong(4)));
    manifest.put("term_hits", byVoice.values().stream().mapToLong(Long::longValue).sum());
    manifest.put("term_hits_by_voice", byVoice);
    Row tone = spark.read().parquet(out.staged(ArticleSentimentTable.NAME))
        .agg(sum(ArticleSentimentTable.N_SENTENCES)).first();
    manifest.put("sentence_parts_scored", tone.isNullAt(0) ? 0 : tone.getLong(0));
    manifest.put("actor_mentions", spark.read().parquet(out.staged(ActorMentionsTable.NAME))
        .count());
    Map<String, Object> val = manifest.section("valence_lexicon");
    val.put("origin", valence.origin());
    val.put("entries", valence.size());
    val.put("duplicates", valence.duplicates());
    manifest.section("timings_seconds").put("features", StageRunner.seconds(started, written));
    manifest.section("timings_seconds").put("sentiment", StageRunner.seconds(written, scoredAt));
    LOG.info("features: {} articles, {} term hits ({})", articlesAnalysed,
        manifest.get("term_hits"), byVoice);
  }
}
