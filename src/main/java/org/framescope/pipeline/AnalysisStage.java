package org.framescope.pipeline;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.features.AnalysisPass;
import org.framescope.features.ArticleAnalysis;
import org.framescope.io.OutputFolder;
import org.framescope.io.Tables;
import org.framescope.lexicon.Lexicon;
import org.framescope.schema.ActorMentionsTable;
import org.framescope.schema.ArticleSentimentTable;
import org.framescope.schema.ArticleStatsTable;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.QuotesTable;
import org.framescope.schema.StoriesTable;
import org.framescope.schema.StorySummaryTable;
import org.framescope.schema.TermCountsTable;
import org.framescope.schema.TermHitsTable;
import org.framescope.sentiment.ValenceLexicon;
import org.framescope.stories.Stories;
import org.framescope.text.SparkNlpLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analysis stage (the {@code features} command): the articles table in; one pass over every
 * text ({@link AnalysisPass}), stored once, and its projections {@code term_hits}, {@code
 * article_stats}, {@code article_sentiment}, {@code actor_mentions}, {@code quotes} and {@code
 * term_counts} out.
 * With the Spark NLP layer, its sentences and tokens are the ones every measure reads.
 */
public final class AnalysisStage {
  private static final Logger LOG = LoggerFactory.getLogger(AnalysisStage.class);

  public static final List<String> TABLES = List.of(TermHitsTable.NAME, ArticleStatsTable.NAME,
      ArticleSentimentTable.NAME, ActorMentionsTable.NAME, QuotesTable.NAME,
      TermCountsTable.NAME);
  /** The tables of stories, written unless they are turned off. */
  public static final List<String> STORY_TABLES = List.of(StoriesTable.NAME,
      StorySummaryTable.NAME);

  /** The tables a run with {@code settings} writes. */
  public static List<String> tables(AnalysisSettings settings) {
    List<String> t = new ArrayList<>(TABLES);
    if (settings.stories() != null) {
      t.addAll(STORY_TABLES);
    }
    return t;
  }

  /** The lexicon a run measured with; run.json records it, and {@code score} checks it. */
  public record LexiconInfo(String name, String origin, String sha256, int axes, int frames,
      int actors) {
    static LexiconInfo of(Lexicon l) {
      return new LexiconInfo(l.name(), l.origin(), l.sha256(), l.axes().size(),
          l.frames().size(), l.actors().size());
    }
  }

  /** The valence lexicon the sentences were scored with. */
  public record ValenceInfo(String origin, int entries, int duplicates) {}

  /** What the analysis measured; run.json records every component. */
  public record Result(LexiconInfo lexicon, String textLayer, long articlesAnalysed,
      long sentences, Map<String, Long> tokensByVoice, long termHits,
      Map<String, Long> termHitsByVoice, long sentencePartsScored, long actorMentions,
      Map<String, Long> quotesByKind, long quotesWithSpeaker, long termCountRows,
      ValenceInfo valenceLexicon, StoryInfo stories, Map<String, Double> timingsSeconds) {}

  /** The stories found: how many, their articles and copies; null when not looked for. */
  public record StoryInfo(long stories, long storyArticles, long storyCopies,
      long storyCandidates, long storyEdges) {}

  private AnalysisStage() {}

  /** @param articlesPath where the articles table is (staged in a run, published otherwise) */
  public static Result run(SparkSession spark, String articlesPath, Lexicon lexicon,
      ValenceLexicon valence, AnalysisSettings settings, OutputFolder out) {
    Timings timings = new Timings();
    Dataset<Row> articles = Tables.read(spark, ArticlesTable.SCHEMA, articlesPath);
    if (settings.textLayer() == AnalysisSettings.Layer.SPARK_NLP) {
      PipelineModel model = settings.nlpPipeline() != null
          ? SparkNlpLayer.load(settings.nlpPipeline())
          : SparkNlpLayer.defaultPipeline(ArticlesTable.TEXT).fit(articles);
      articles = SparkNlpLayer.withSpans(articles, model);
    }
    Broadcast<ArticleAnalysis.Models> models = JavaSparkContext.fromSparkContext(
        spark.sparkContext()).broadcast(ArticleAnalysis.Models.of(lexicon, valence));
    Dataset<Row> analysis = out.stored("analysis", AnalysisPass.analyse(articles, models,
        settings.stories() != null));
    timings.step("analyse_pass");
    Tables.write(AnalysisPass.explodeTermHits(analysis), TermHitsTable.SCHEMA,
        out.staged(TermHitsTable.NAME));
    Tables.write(AnalysisPass.perArticleStats(analysis), ArticleStatsTable.SCHEMA,
        out.staged(ArticleStatsTable.NAME));
    Tables.write(AnalysisPass.explodeArticleTone(analysis), ArticleSentimentTable.SCHEMA,
        out.staged(ArticleSentimentTable.NAME));
    Tables.write(AnalysisPass.explodeActorMentions(analysis), ActorMentionsTable.SCHEMA,
        out.staged(ActorMentionsTable.NAME));
    Tables.write(AnalysisPass.explodeQuotes(analysis), QuotesTable.SCHEMA,
        out.staged(QuotesTable.NAME));
    timings.step("analyse_article_tables");
    Row counted = analysis.agg(AnalysisPass.termCountEntries()).first();
    long entries = counted.isNullAt(0) ? 0 : counted.getLong(0);
    int tasks = (int) Math.max(spark.sparkContext().defaultParallelism(),
        Math.min(100_000, entries / AnalysisPass.COUNTS_PER_TASK + 1));
    Tables.write(AnalysisPass.perTermCounts(analysis, tasks), TermCountsTable.SCHEMA,
        out.staged(TermCountsTable.NAME));
    timings.step("analyse_term_counts");
    StoryInfo storyInfo = null;
    if (settings.stories() != null) {
      storyInfo = findStories(spark, analysis, articles, settings.stories(), out, timings);
    }
    timings.total("analyse");

    Row totals = analysis.filter(col(ArticlesTable.ARTICLE_ID).isNotNull()).agg(
        count(lit(1)), sum(ArticleStatsTable.N_SENTENCES),
        sum(ArticleStatsTable.N_TOKENS_HEADLINE), sum(ArticleStatsTable.N_TOKENS_OUTLET),
        sum(ArticleStatsTable.N_TOKENS_QUOTED), sum(size(col(AnalysisPass.MENTIONS))),
        sum(aggregate(col(AnalysisPass.TONE), lit(0L),
            (acc, t) -> acc.plus(t.getField(ArticleSentimentTable.N_SENTENCES)))),
        sum(ArticleStatsTable.N_TOKENS_REPORTED),
        sum(size(filter(col(AnalysisPass.QUOTES),
            q -> q.getField(QuotesTable.SPEAKER).isNotNull()))),
        sum(size(filter(col(AnalysisPass.QUOTES),
            q -> q.getField(QuotesTable.KIND).equalTo(QuotesTable.KIND_DIRECT)))),
        sum(size(filter(col(AnalysisPass.QUOTES),
            q -> q.getField(QuotesTable.KIND).equalTo(QuotesTable.KIND_MIXED)))),
        sum(size(filter(col(AnalysisPass.QUOTES),
            q -> q.getField(QuotesTable.KIND).equalTo(QuotesTable.KIND_REPORTED))))).first();
    Map<String, Long> byKind = new TreeMap<>();
    String[] kinds = {QuotesTable.KIND_DIRECT, QuotesTable.KIND_MIXED, QuotesTable.KIND_REPORTED};
    for (int k = 0; k < kinds.length; k++) {
      if (!totals.isNullAt(9 + k) && totals.getLong(9 + k) > 0) {
        byKind.put(kinds[k], totals.getLong(9 + k));
      }
    }
    long withSpeaker = totals.isNullAt(8) ? 0 : totals.getLong(8);
    Map<String, Long> byVoice = new TreeMap<>();
    for (Row r : AnalysisPass.explodeTermHits(analysis).groupBy(TermHitsTable.VOICE).count()
        .collectAsList()) {
      byVoice.put(r.getString(0), r.getLong(1));
    }
    long termCountRows = spark.read().parquet(out.staged(TermCountsTable.NAME)).count();
    long n = totals.getLong(0);
    Result result = new Result(LexiconInfo.of(lexicon), settings.textLayer().cliName(), n,
        n == 0 ? 0 : totals.getLong(1),
        n == 0 ? Map.of() : Map.of(
            TermHitsTable.VOICE_HEADLINE, totals.getLong(2),
            TermHitsTable.VOICE_OUTLET, totals.getLong(3),
            TermHitsTable.VOICE_REPORTED, totals.getLong(7),
            TermHitsTable.VOICE_QUOTED, totals.getLong(4)),
        byVoice.values().stream().mapToLong(Long::longValue).sum(), byVoice,
        n == 0 ? 0 : totals.getLong(6), n == 0 ? 0 : totals.getLong(5), byKind, withSpeaker,
        termCountRows,
        new ValenceInfo(valence.origin(), valence.size(), valence.duplicates()), storyInfo,
        timings.asMap());
    LOG.info("analysis: {} articles, {} term hits ({}), {} term counts", n, result.termHits(),
        byVoice, termCountRows);
    return result;
  }

  /** Stories from the pass's story terms: the {@code stories} and {@code story_summary} tables. */
  private static StoryInfo findStories(SparkSession spark, Dataset<Row> analysis,
      Dataset<Row> articles, Stories.Options options, OutputFolder out, Timings timings) {
    Dataset<Row> candidates = Stories.filterCandidates(analysis, AnalysisPass.STORY_TERMS);
    if (candidates.isEmpty()) {
      for (var table : Map.of(StoriesTable.NAME, StoriesTable.SCHEMA, StorySummaryTable.NAME,
          StorySummaryTable.SCHEMA).entrySet()) {
        Tables.write(spark.createDataFrame(List.of(), table.getValue()), table.getValue(),
            out.staged(table.getKey()));
      }
      return new StoryInfo(0, 0, 0, 0, 0);
    }
    PipelineModel tfidf = Stories.fitVectors(candidates);
    Dataset<Row> vectors = out.stored("story_vectors", Stories.withVectors(candidates, tfidf));
    Stories.Found found = Stories.findStories(vectors, options, out::stored);
    Tables.write(found.stories(), StoriesTable.SCHEMA, out.staged(StoriesTable.NAME));
    timings.step("analyse_stories");
    Dataset<Row> stories = Tables.read(spark, StoriesTable.SCHEMA, out.staged(StoriesTable.NAME));
    Broadcast<double[]> idf = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(Stories.idf(tfidf));
    Tables.write(Stories.summarise(stories, candidates, articles, idf),
        StorySummaryTable.SCHEMA, out.staged(StorySummaryTable.NAME));
    idf.destroy();
    timings.step("analyse_story_summary");
    Row n = stories.agg(countDistinct(col(StoriesTable.STORY_ID)), count(lit(1)),
        count(col(StoriesTable.COPY_OF))).first();
    long edges = found.edges().count();
    StoryInfo info = new StoryInfo(n.getLong(0), n.getLong(1), n.getLong(2), vectors.count(),
        edges);
    LOG.info("stories: {} stories of {} articles ({} copies), from {} candidates and {} edges",
        info.stories(), info.storyArticles(), info.storyCopies(), info.storyCandidates(), edges);
    return info;
  }
}
