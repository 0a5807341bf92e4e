package org.framescope.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.HashMap;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.schema.ActorMentionsTable;
import org.framescope.schema.ArticleSentimentTable;
import org.framescope.schema.ArticleStatsTable;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.QuotesTable;
import org.framescope.schema.TermCountsTable;
import org.framescope.schema.TermHitsTable;
import org.framescope.text.Attribution;
import org.framescope.text.SparkNlpLayer;
import org.framescope.text.TextLayer;
import org.framescope.text.Voice;
import org.framescope.text.VoicedText;
import scala.collection.JavaConverters;
import scala.Tuple2;

/**
 * The analysis pass over Datasets: {@link #analyse} runs {@link ArticleAnalysis} once on every
 * article and yields everything measured per article in one table; {@code term_hits}, {@code
 * article_stats}, {@code article_sentiment}, {@code actor_mentions}, {@code quotes} and {@code
 * term_counts} are projections of it ({@link #explodeTermHits}, {@link #perArticleStats}, {@link
 * #explodeArticleTone}, {@link #explodeActorMentions}, {@link #explodeQuotes}, {@link
 * #perTermCounts}).
 *
 * <p>A {@code mapPartitions}, not built-in functions: a token's voice needs the quotation state
 * of its whole paragraph, longest-match-once needs the candidates at each token, and the
 * sentiment rules read a sentence's words in order; none of it is an expression over exploded
 * tokens without a shuffle of every token. Term counts are combined in the task ({@link
 * TermCounter}), so a word is not shuffled once per use. The compiled lexicon and the scorer
 * travel as one broadcast; nothing per article reaches the driver.
 */
public final class AnalysisPass {
  public static final String HITS = "hits";
  public static final String TONE = "tone";
  public static final String MENTIONS = "mentions";
  public static final String QUOTES = "quotes";
  /** An original article's story terms ({@link ArticleAnalysis}), when stories are found. */
  public static final String STORY_TERMS = "story_terms";
  /** A term-count row: its bucket, how many counts it holds, and their bytes. */
  public static final String BUCKET = "bucket";
  public static final String N_TERMS = "n_terms";
  public static final String COUNTS = "counts";

  static final StructType TONE_ROW = new StructType()
      .add(ArticleSentimentTable.VOICE, DataTypes.StringType, false)
      .add(ArticleSentimentTable.N_SENTENCES, DataTypes.LongType, false)
      .add(ArticleSentimentTable.MEAN_COMPOUND, DataTypes.DoubleType, false)
      .add(ArticleSentimentTable.SHARE_NEGATIVE, DataTypes.DoubleType, false)
      .add(ArticleSentimentTable.SHARE_POSITIVE, DataTypes.DoubleType, false);

  /**
   * One row per article (its id set, the term columns null), or per bucket of a task's batch of
   * term counts (its id null; see {@link TermCounter}): what the pass yields, stored once.
   */
  public static final StructType SCHEMA = new StructType()
      .add(ArticlesTable.ARTICLE_ID, DataTypes.StringType, true)
      .add(ArticlesTable.SOURCE, DataTypes.StringType, true)
      .add(ArticlesTable.PUBLISHED, DataTypes.DateType, true)
      .add(ArticlesTable.IS_DUPLICATE, DataTypes.BooleanType, true)
      .add(ArticleStatsTable.N_SENTENCES, DataTypes.IntegerType, true)
      .add(ArticleStatsTable.N_TOKENS_HEADLINE, DataTypes.IntegerType, true)
      .add(ArticleStatsTable.N_TOKENS_OUTLET, DataTypes.IntegerType, true)
      .add(ArticleStatsTable.N_TOKENS_REPORTED, DataTypes.IntegerType, true)
      .add(ArticleStatsTable.N_TOKENS_QUOTED, DataTypes.IntegerType, true)
      .add(ArticleStatsTable.N_PAIRS_OWN, DataTypes.IntegerType, true)
      .add(HITS, DataTypes.createArrayType(TermHitsTable.HIT, false), true)
      .add(TONE, DataTypes.createArrayType(TONE_ROW, false), true)
      .add(MENTIONS, DataTypes.createArrayType(ActorMentionsTable.MENTION, false), true)
      .add(QUOTES, DataTypes.createArrayType(QuotesTable.QUOTE, false), true)
      .add(STORY_TERMS, DataTypes.createArrayType(DataTypes.StringType, false), true)
      .add(BUCKET, DataTypes.IntegerType, true)
      .add(N_TERMS, DataTypes.IntegerType, true)
      .add(COUNTS, DataTypes.BinaryType, true);

  /** A sentence part is negative at or below -0.05 and positive at or above 0.05 (VADER's). */
  public static final double THRESHOLD = 0.05;

  private static final String[] NEEDS = {ArticlesTable.ARTICLE_ID, ArticlesTable.SOURCE,
      ArticlesTable.PUBLISHED, ArticlesTable.IS_DUPLICATE, ArticlesTable.TITLE,
      ArticlesTable.TEXT};

  private AnalysisPass() {}

  /**
   * The pass ({@link #SCHEMA}). Needs {@code article_id, source, published, is_duplicate, title,
   * text}; with the Spark NLP text layer also its span columns ({@link
   * SparkNlpLayer#SENTENCE_SPANS}, {@link SparkNlpLayer#TOKEN_SPANS}), which then give every
   * measure its sentences and tokens. Grain: one row per article, plus the term counts of each
   * task (sum {@code uses} per source, term and order for the corpus's).
   *
   * @param storyTerms whether to list each original article's story terms (else null)
   */
  public static Dataset<Row> analyse(Dataset<Row> articles,
      Broadcast<ArticleAnalysis.Models> models, boolean storyTerms) {
    List<String> have = List.of(articles.columns());
    List<Column> cols = new ArrayList<>();
    for (String c : NEEDS) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException("analyse needs column '" + c + "', the input has "
            + have);
      }
      cols.add(col(c));
    }
    boolean spans = have.contains(SparkNlpLayer.SENTENCE_SPANS)
        && have.contains(SparkNlpLayer.TOKEN_SPANS);
    if (spans) {
      cols.add(col(SparkNlpLayer.SENTENCE_SPANS));
      cols.add(col(SparkNlpLayer.TOKEN_SPANS));
    }
    MapPartitionsFunction<Row, Row> pass = rows -> new Pass(rows, models.value(), spans,
        storyTerms);
    return articles.select(cols.toArray(new Column[0])).mapPartitions(pass,
        Encoders.row(SCHEMA));
  }

  /** The rows of one partition: each article's, and the term counts when a batch is full. */
  private static final class Pass implements Iterator<Row> {
    private final Iterator<Row> articles;
    private final ArticleAnalysis.Models models;
    private final boolean spans;
    private final boolean storyTerms;
    private final TermCounter terms;
    private final ArrayDeque<Row> ready = new ArrayDeque<>();

    Pass(Iterator<Row> articles, ArticleAnalysis.Models models, boolean spans,
        boolean storyTerms) {
      this.articles = articles;
      this.models = models;
      this.spans = spans;
      this.storyTerms = storyTerms;
      this.terms = new TermCounter(models.stopWords());
    }

    @Override
    public boolean hasNext() {
      if (!ready.isEmpty()) {
        return true;
      }
      if (articles.hasNext()) {
        ready.add(article(articles.next()));
        if (terms.isFull()) {
          drain();
        }
        return true;
      }
      if (!terms.isEmpty()) {
        drain();
      }
      return !ready.isEmpty();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return ready.poll();
    }

    private void drain() {
      for (TermCounter.Bucket b : terms.drain()) {
        ready.add(RowFactory.create(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, b.bucket(), b.counts(), b.bytes()));
      }
    }

    private Row article(Row row) {
      String source = row.getString(1);
      String text = row.getString(5);
      TextLayer.Analysis body = spans
          ? SparkNlpLayer.fromSpanColumns(text, row.getList(6), row.getList(7))
          : TextLayer.analyze(text);
      boolean duplicate = row.getBoolean(3);
      ArticleAnalysis.Result r = ArticleAnalysis.analyze(
          VoicedText.of(row.getString(4), text, body, models.attribution()), models, source,
          duplicate ? null : terms, storyTerms && !duplicate);
      List<Row> hits = new ArrayList<>(r.hits().size());
      for (ArticleAnalysis.Hit h : r.hits()) {
        hits.add(RowFactory.create(h.entry().kind(), h.entry().name(), h.entry().pole(),
            h.entry().text(), h.matched(), h.voice().code(), h.sentenceIndex(), h.charStart(),
            h.charEnd()));
      }
      List<Row> mentions = new ArrayList<>(r.mentions().size());
      for (ArticleAnalysis.Mention m : r.mentions()) {
        mentions.add(RowFactory.create(m.actor(), m.voice().code(), m.sentenceIndex(),
            m.compound()));
      }
      List<Row> quotes = new ArrayList<>(r.quotes().size());
      for (ArticleAnalysis.Said s : r.quotes()) {
        Attribution.Quote q = s.quote();
        boolean speaker = q.speaker() != null;
        quotes.add(RowFactory.create(q.kind(), q.charStart(), q.charEnd(), q.speaker(),
            speaker ? q.speakerStart() : null, speaker ? q.speakerEnd() : null, q.speakerName(),
            s.speakerActor(), q.cue(), q.sentenceIndex(), q.nTokens()));
      }
      return RowFactory.create(row.get(0), source, row.get(2), duplicate, r.nSentences(),
          r.nTokensHeadline(), r.nTokensOutlet(), r.nTokensReported(), r.nTokensQuoted(),
          r.nPairsOwn(), seq(hits), seq(tone(r.parts())), seq(mentions), seq(quotes),
          r.storyTerms() == null ? null : seq(r.storyTerms()), null, null, null);
    }
  }

  /**
   * Per voice, the parts' number, mean compound (summed in the parts' order, then divided) and
   * the shares at or beyond ±{@value #THRESHOLD}.
   */
  static List<Row> tone(List<ArticleAnalysis.Part> parts) {
    Map<Voice, double[]> byVoice = new EnumMap<>(Voice.class);
    for (ArticleAnalysis.Part p : parts) {
      double[] a = byVoice.computeIfAbsent(p.voice(), k -> new double[4]);
      a[0]++;
      a[1] += p.compound();
      a[2] += p.compound() <= -THRESHOLD ? 1 : 0;
      a[3] += p.compound() >= THRESHOLD ? 1 : 0;
    }
    List<Row> out = new ArrayList<>(byVoice.size());
    byVoice.forEach((voice, a) -> out.add(RowFactory.create(voice.code(), (long) a[0],
        a[1] / a[0], a[2] / a[0], a[3] / a[0])));
    return out;
  }

  /**
   * One term's uses per source (by the task's source numbers), in arrays: most terms have one or
   * two sources; a term of many sources gets an index.
   */
  private static final class SourceUses {
    private int[] sources = new int[2];
    private long[] uses = new long[2];
    private int n;
    private Map<Integer, Integer> index;

    void add(int source, long count) {
      if (index != null) {
        Integer at = index.get(source);
        if (at != null) {
          uses[at] += count;
          return;
        }
      } else {
        for (int i = 0; i < n; i++) {
          if (sources[i] == source) {
            uses[i] += count;
            return;
          }
        }
      }
      if (n == 16 && index == null) {
        index = new HashMap<>();
        for (int i = 0; i < n; i++) {
          index.put(sources[i], i);
        }
      }
      if (index != null) {
        index.put(source, n);
      }
      if (n == sources.length) {
        sources = java.util.Arrays.copyOf(sources, n * 2);
        uses = java.util.Arrays.copyOf(uses, n * 2);
      }
      sources[n] = source;
      uses[n++] = count;
    }

    long total() {
      long t = 0;
      for (int i = 0; i < n; i++) {
        t += uses[i];
      }
      return t;
    }

    scala.collection.Map<String, Long> asMap(List<String> names) {
      Map<String, Long> m = new TreeMap<>(); // sorted: the same bytes on every run
      for (int i = 0; i < n; i++) {
        m.put(names.get(sources[i]), uses[i]);
      }
      return JavaConverters.mapAsScalaMap(m);
    }
  }

  private static <T> scala.collection.Seq<T> seq(List<T> list) {
    return JavaConverters.asScalaBuffer(list).toSeq();
  }

  private static Dataset<Row> articleRows(Dataset<Row> analysis) {
    return analysis.filter(col(ArticlesTable.ARTICLE_ID).isNotNull());
  }

  /** One row per element of an article's array column, with the article's id, source, date. */
  private static Dataset<Row> perArticle(Dataset<Row> analysis, String array) {
    return articleRows(analysis)
        .select(col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE),
            col(ArticlesTable.PUBLISHED), explode(col(array)).as("_e"))
        .select(col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE),
            col(ArticlesTable.PUBLISHED), col("_e.*"));
  }

  /** The {@code term_hits} table: one row per hit. Needs {@link #SCHEMA}. */
  public static Dataset<Row> explodeTermHits(Dataset<Row> analysis) {
    return perArticle(analysis, HITS);
  }

  /** The {@code article_stats} table: one row per article. Needs {@link #SCHEMA}. */
  public static Dataset<Row> perArticleStats(Dataset<Row> analysis) {
    return articleRows(analysis).select(col(ArticleStatsTable.ARTICLE_ID),
        col(ArticleStatsTable.SOURCE), col(ArticleStatsTable.PUBLISHED),
        col(ArticleStatsTable.IS_DUPLICATE), col(ArticleStatsTable.N_SENTENCES),
        col(ArticleStatsTable.N_TOKENS_HEADLINE), col(ArticleStatsTable.N_TOKENS_OUTLET),
        col(ArticleStatsTable.N_TOKENS_REPORTED), col(ArticleStatsTable.N_TOKENS_QUOTED),
        col(ArticleStatsTable.N_PAIRS_OWN));
  }

  /** The {@code quotes} table: one row per attribution. Needs {@link #SCHEMA}. */
  public static Dataset<Row> explodeQuotes(Dataset<Row> analysis) {
    return perArticle(analysis, QUOTES);
  }

  /**
   * The {@code article_sentiment} table: one row per article and voice with a scored sentence
   * part. Needs {@link #SCHEMA}.
   */
  public static Dataset<Row> explodeArticleTone(Dataset<Row> analysis) {
    return perArticle(analysis, TONE);
  }

  /** The {@code actor_mentions} table: one row per part and actor. Needs {@link #SCHEMA}. */
  public static Dataset<Row> explodeActorMentions(Dataset<Row> analysis) {
    return perArticle(analysis, MENTIONS);
  }

  /** Term counts a task of {@link #perTermCounts} sums, about (sets its task count). */
  public static final long COUNTS_PER_TASK = 500_000;

  /** The number of term counts the pass yielded (its batches' sizes summed). */
  public static Column termCountEntries() {
    return sum(col(N_TERMS));
  }

  /**
   * The {@code term_counts} table: the tasks' counts summed per term, with its uses in each
   * source, over {@code partitions} tasks. Needs {@link #SCHEMA}. One row per term and order, so
   * whatever reads it per term (keyness) needs no shuffle of its own.
   *
   * <p>The buckets' bytes are shuffled by bucket (each task gets whole buckets, and a term is
   * always in the same one) and summed in a hash map per task, not exploded into a row per count
   * for a {@code groupBy}: the terms of news are mostly seen once per source, so Spark's partial
   * aggregation before the shuffle saved little and, holding millions of keys, fell back to
   * sorting them (on 50,000 generated articles, 20 million counts from the pass: 47 s that way).
   */
  public static Dataset<Row> perTermCounts(Dataset<Row> analysis, int partitions) {
    JavaPairRDD<Integer, byte[]> buckets = analysis
        .filter(col(ArticlesTable.ARTICLE_ID).isNull())
        .select(col(BUCKET), col(COUNTS)).javaRDD()
        .mapToPair(r -> new Tuple2<>(r.getInt(0), (byte[]) r.get(1)));
    FlatMapFunction<Iterator<Tuple2<Integer, byte[]>>, Row> sumUp = in -> {
      // A unigram never holds a space and a pair always does: the term alone is the key.
      Map<String, SourceUses> byTerm = new HashMap<>();
      Map<String, Integer> sourceIds = new HashMap<>();
      List<String> sources = new ArrayList<>();
      while (in.hasNext()) {
        TermCounter.decode(in.next()._2(), (source, term, uses) -> {
          Integer s = sourceIds.get(source);
          if (s == null) {
            s = sources.size();
            sourceIds.put(source, s);
            sources.add(source);
          }
          byTerm.computeIfAbsent(term, k -> new SourceUses()).add(s, uses);
        });
      }
      List<Row> out = new ArrayList<>(byTerm.size());
      byTerm.forEach((term, u) -> out.add(RowFactory.create(term,
          term.indexOf(' ') < 0 ? 1 : 2, u.total(), u.asMap(sources))));
      return out.iterator();
    };
    JavaRDD<Row> rows = buckets.partitionBy(new HashPartitioner(Math.max(1, partitions)))
        .mapPartitions(sumUp);
    return analysis.sparkSession().createDataFrame(rows, TermCountsTable.SCHEMA);
  }
}
