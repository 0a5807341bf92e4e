package org.framescope.corpus;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.DuplicatesTable;

/**
 * Finds republished copies: exact duplicates by normalised text, and near duplicates by banded
 * MinHash over word shingles, confirmed by containment so that a truncated copy counts.
 *
 * <p><b>Exact.</b> Texts equal once lower-cased with punctuation and spacing folded are copies;
 * the earliest published (then the smallest id) is the original.
 *
 * <p><b>Near.</b> Each remaining text becomes the set of its word {@value #SHINGLE}-grams, each
 * hashed to 31 bits ({@link Shingles}). Shingles common to many texts (see {@link
 * #commonShingles}) are left out of the signatures; banded MinHash ({@link MinHashBands},
 * {@value #BANDS} bands of {@value #ROWS} rows: a pair with Jaccard J over the other shingles is
 * a candidate with probability 1-(1-J^2)^48: 1.00 at J=0.5, 0.998 at 0.35, 0.86 at 0.2, 0.005 at
 * 0.01) proposes pairs within the scope. A pair is kept when its Jaccard similarity over all
 * shingles exceeds {@code minJaccard} and the smaller set lies mostly inside the larger one:
 * containment |A∩B| / min(|A|,|B|) at least {@code minContainment}. A truncated copy has a low
 * Jaccard but a containment near 1. On 20,000 generated articles 840 of the 841 planted copies
 * are found; the one missed is a half-length copy whose J over its other shingles is 0.33 and
 * which shares none of the 48 bands (probability 0.4%). Texts shorter than {@value #SHINGLE}
 * words have no shingles and are left to the exact pass.
 *
 * <p>The fuller text is the original (then the earlier, then the smaller id), unless each text
 * lies mostly inside the other (|A∩B| / max(|A|,|B|) at least {@code minContainment}): then the
 * earlier is, as for exact copies. (With the fuller text always the original, 862 of the 7,856
 * copies found among 200,000 generated articles were taken for the original of their own copy,
 * which was longer by a line of furniture.)
 */
public final class Duplicates {
  /** The name under which {@code store} is given the candidate pairs, one row per pair. */
  public static final String CANDIDATES = "candidates";
  static final int SHINGLE = 5;
  static final int BANDS = 48;
  static final int ROWS = 2;
  static final long LSH_SEED = 20180911L;
  static final double COMMON_SHARE = 0.001;
  static final int COMMON_MIN_TEXTS = 50;
  static final int COMMON_SAMPLE = 50_000;
  /** Texts whose shingles the first scan for common shingles counts at a time. */
  static final int COMMON_CHUNK = 3000;
  /** Most texts in candidate pairs whose ids are sent to every task (about 10 MB). */
  static final long BROADCAST_IDS = 250_000;

  private static final StructType PAIR = new StructType()
      .add("_a", DataTypes.StringType, false)
      .add("_b", DataTypes.StringType, false);

  /** Thresholds of the near-duplicate pass. */
  public record Options(DedupScope scope, double minJaccard, double minContainment) {
    public static Options defaults() {
      return new Options(DedupScope.WITHIN_SOURCE, 0.1, 0.8);
    }
  }

  private Duplicates() {}

  /**
   * The {@code duplicates} table ({@link DuplicatesTable#SCHEMA}) for {@code articles}, which
   * needs {@code article_id, source, published, text}. One row per article that is a copy.
   */
  public static Dataset<Row> findDuplicates(Dataset<Row> articles, Options options) {
    return findDuplicates(articles, options, (name, table) -> table);
  }

  /**
   * As {@link #findDuplicates(Dataset, Options)}, with {@code store} storing an intermediate
   * table under a name ({@code shingles}, {@code candidates}) and returning it read back, so
   * that what the pass reads several times is computed once.
   */
  public static Dataset<Row> findDuplicates(Dataset<Row> articles, Options options,
      BiFunction<String, Dataset<Row>, Dataset<Row>> store) {
    Columns.require(articles, "findDuplicates", ArticlesTable.ARTICLE_ID, ArticlesTable.SOURCE,
        ArticlesTable.PUBLISHED, ArticlesTable.TEXT);
    Dataset<Row> base = articles.select(
        col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE), col(ArticlesTable.PUBLISHED),
        col(ArticlesTable.TEXT));
    if (options.scope() == DedupScope.OFF) {
      return base.sparkSession().createDataFrame(java.util.List.of(), DuplicatesTable.SCHEMA);
    }
    Dataset<Row> exact = exactDuplicates(base, options.scope());
    Dataset<Row> originals = base.join(exact.select(col(DuplicatesTable.ARTICLE_ID)),
        base.col(ArticlesTable.ARTICLE_ID).equalTo(exact.col(DuplicatesTable.ARTICLE_ID)),
        "left_anti");
    return exact.unionByName(nearDuplicates(originals, options, store));
  }

  /** Adds {@code is_duplicate} and {@code duplicate_of} to {@code articles} from {@code duplicates}. */
  public static Dataset<Row> withDuplicateFlags(Dataset<Row> articles, Dataset<Row> duplicates) {
    Columns.require(articles, "withDuplicateFlags", ArticlesTable.ARTICLE_ID);
    Dataset<Row> d = duplicates.select(
        col(DuplicatesTable.ARTICLE_ID).as("_dup_id"),
        col(DuplicatesTable.DUPLICATE_OF).as(ArticlesTable.DUPLICATE_OF));
    return articles.join(d, articles.col(ArticlesTable.ARTICLE_ID).equalTo(d.col("_dup_id")),
            "left")
        .withColumn(ArticlesTable.IS_DUPLICATE, col(ArticlesTable.DUPLICATE_OF).isNotNull())
        .drop("_dup_id");
  }

  private static Column scopeKey(DedupScope scope) {
    return scope == DedupScope.GLOBAL ? lit("") : col(ArticlesTable.SOURCE);
  }

  /**
   * The key exact copies share: the SHA-256 (hex) of the text lower-cased, every run of
   * characters that are not letters or numbers made one space, and the spaces at either end
   * removed. A function rather than {@code sha2(trim(regexp_replace(lower(text), ...)))}, which
   * gives the same keys: the regular expression was a tenth of the ingest stage on 50,000
   * generated articles.
   */
  static String exactKey(String text) {
    String s = text.toLowerCase(java.util.Locale.ROOT);
    StringBuilder folded = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Shingles.isWordChar(cp)) {
        if (gap && folded.length() > 0) {
          folded.append(' ');
        }
        gap = false;
        folded.appendCodePoint(cp);
      } else {
        gap = true;
      }
    }
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(folded.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Dataset<Row> exactDuplicates(Dataset<Row> base, DedupScope scope) {
    Column key = udf((UDF1<String, String>) Duplicates::exactKey, DataTypes.StringType)
        .apply(col(ArticlesTable.TEXT));
    Column order = col(ArticlesTable.PUBLISHED).asc_nulls_last();
    Dataset<Row> keyed = base
        .withColumn("_scope", scopeKey(scope))
        .withColumn("_key", key);
    Dataset<Row> ranked = keyed
        .withColumn("_first", first(col(ArticlesTable.ARTICLE_ID)).over(
            Window.partitionBy(col("_scope"), col("_key"))
                .orderBy(order, col(ArticlesTable.ARTICLE_ID).asc())));
    return ranked
        .filter(col(ArticlesTable.ARTICLE_ID).notEqual(col("_first")))
        .select(
            col(ArticlesTable.ARTICLE_ID).as(DuplicatesTable.ARTICLE_ID),
            col("_first").as(DuplicatesTable.DUPLICATE_OF),
            col(ArticlesTable.SOURCE).as(DuplicatesTable.SOURCE),
            lit(DuplicatesTable.KIND_EXACT).as(DuplicatesTable.KIND),
            lit(1.0).as(DuplicatesTable.JACCARD),
            lit(1.0).as(DuplicatesTable.CONTAINMENT));
  }

  static Dataset<Row> nearDuplicates(Dataset<Row> base, Options options,
      BiFunction<String, Dataset<Row>, Dataset<Row>> store) {
    UserDefinedFunction shingles = udf((UDF1<String, Row>) text -> {
      Shingles.Set set = Shingles.of(text, SHINGLE);
      return RowFactory.create(set.hashes(), set.runs());
    }, SHINGLES);
    Dataset<Row> vectors = store.apply("shingles", base
        .withColumn("_s", shingles.apply(col(ArticlesTable.TEXT)))
        .select(col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE),
            col(ArticlesTable.PUBLISHED), col("_s.hashes").as("_features"),
            col("_s.runs").as("_n")));

    // Shingles in a large share of the texts (a source's standing lines, stock phrases) would
    // make unrelated texts candidates; they are left out of the signatures, not of the check.
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(base.sparkSession().sparkContext());
    Broadcast<MinHashBands> bands = sc.broadcast(
        new MinHashBands(commonShingles(vectors), BANDS, ROWS, LSH_SEED));
    UserDefinedFunction bandKeys = udf(
        (UDF1<scala.collection.Seq<Integer>, long[]>) v -> bands.value().keys(ints(v)),
        DataTypes.createArrayType(DataTypes.LongType, false));
    // Texts that share a band key, within the scope: one shuffle by key, the keys held by one
    // text only dropped, each remaining key's texts paired. (A self-join on the keys took 4 times
    // as long: it sorts both sides and builds every pair before dropping repeats.)
    Dataset<Row> keys = vectors
        .select(col(ArticlesTable.ARTICLE_ID).as("_id"), scopeKey(options.scope()).as("_scope"),
            posexplode(bandKeys.apply(col("_features"))).as(new String[] {"_band", "_key"}))
        .select(col("_id"), xxhash64(col("_scope"), col("_band"), col("_key")).as("_k"));
    FlatMapFunction<Row, Row> pairUp = row -> {
      List<String> texts = new ArrayList<>(row.<String>getList(0));
      Collections.sort(texts);
      List<Row> out = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        for (int j = i + 1; j < texts.size(); j++) {
          out.add(RowFactory.create(texts.get(i), texts.get(j)));
        }
      }
      return out.iterator();
    };
    Dataset<Row> candidates = store.apply(CANDIDATES, keys
        .withColumn("_sharing", count(lit(1)).over(Window.partitionBy(col("_k"))))
        .filter(col("_sharing").gt(1))
        .groupBy(col("_k"))
        .agg(collect_list(col("_id")).as("_ids"))
        .select(col("_ids"))
        .flatMap(pairUp, Encoders.row(PAIR))
        .distinct());
    // Only the texts in a candidate pair are read for the check. Their ids go to every task
    // when there are few enough (the usual case: copies are a few per cent of a corpus), so the
    // shingle sets are not shuffled whole; otherwise both sides are shuffled.
    Dataset<Row> ids = candidates.select(col("_a").as("_id"))
        .union(candidates.select(col("_b").as("_id"))).distinct();
    boolean few = ids.count() <= BROADCAST_IDS;
    Dataset<Row> inPairs = vectors.join(few ? broadcast(ids) : ids,
        vectors.col(ArticlesTable.ARTICLE_ID).equalTo(ids.col("_id")), "left_semi");
    Dataset<Row> left = inPairs.select(col(ArticlesTable.ARTICLE_ID).as("_a"),
        col(ArticlesTable.SOURCE).as("_source_a"), col(ArticlesTable.PUBLISHED).as("_published_a"),
        col("_features").as("_features_a"), col("_n").as("_n_a"));
    Dataset<Row> right = inPairs.select(col(ArticlesTable.ARTICLE_ID).as("_b"),
        col(ArticlesTable.SOURCE).as("_source_b"), col(ArticlesTable.PUBLISHED).as("_published_b"),
        col("_features").as("_features_b"), col("_n").as("_n_b"));
    UserDefinedFunction overlap = udf(
        (UDF2<scala.collection.Seq<Integer>, scala.collection.Seq<Integer>, Row>)
            (x, y) -> overlap(ints(x), ints(y)), OVERLAP);
    Dataset<Row> pairs = candidates.join(left, "_a").join(right, "_b")
        .withColumn("_overlap", overlap.apply(col("_features_a"), col("_features_b")))
        .filter(col("_overlap.jaccard").gt(options.minJaccard()));
    if (options.scope() == DedupScope.WITHIN_SOURCE) {
      // the keys are hashed with the source: a collision must not pair two sources
      pairs = pairs.filter(col("_source_a").equalTo(col("_source_b")));
    }
    // When each text lies mostly inside the other (a copy with a line of furniture more, say),
    // the earlier published is the original (nulls last, then the smaller id); otherwise the
    // fuller text is, with the same tie-breaks.
    Column aLater = coalesce(col("_published_a").gt(col("_published_b")),
        col("_published_a").isNull().and(col("_published_b").isNotNull()),
        lit(false));
    Column aIsCopy = when(col("_overlap.cover").geq(options.minContainment()), aLater)
        .otherwise(col("_n_a").lt(col("_n_b"))
            .or(col("_n_a").equalTo(col("_n_b")).and(aLater)));
    Dataset<Row> confirmed = pairs
        .filter(col("_overlap.containment").geq(options.minContainment()))
        .select(
            when(aIsCopy, col("_a")).otherwise(col("_b")).as("_copy"),
            when(aIsCopy, col("_b")).otherwise(col("_a")).as("_original"),
            when(aIsCopy, col("_source_a")).otherwise(col("_source_b")).as("_source"),
            when(aIsCopy, col("_n_b")).otherwise(col("_n_a")).as("_original_n"),
            col("_overlap.jaccard").as("_jaccard"),
            col("_overlap.containment").as("_containment"));
    // A copy of several originals points at the fullest of them.
    Dataset<Row> best = confirmed
        .withColumn("_pick", row_number().over(Window.partitionBy(col("_copy"))
            .orderBy(col("_original_n").desc(), col("_original").asc())))
        .filter(col("_pick").equalTo(1));
    return best.select(
        col("_copy").as(DuplicatesTable.ARTICLE_ID),
        col("_original").as(DuplicatesTable.DUPLICATE_OF),
        col("_source").as(DuplicatesTable.SOURCE),
        lit(DuplicatesTable.KIND_NEAR).as(DuplicatesTable.KIND),
        col("_jaccard").as(DuplicatesTable.JACCARD),
        col("_containment").as(DuplicatesTable.CONTAINMENT));
  }

  /**
   * The shingles (feature indices) found in at least {@value #COMMON_SHARE} of the texts and in
   * at least {@value #COMMON_MIN_TEXTS} of them, counted on a sample of about {@value
   * #COMMON_SAMPLE} texts chosen by a hash of the article id (the same sample whatever the
   * partitioning). The sample bounds both the work and the set the driver holds.
   *
   * <p>Counted exactly in two scans of the sample, not by a {@code groupBy} of every shingle
   * (most shingles of news are in one text only: on 50,000 generated articles that groupBy
   * shuffled 41 million of them and spilled, about half of the duplicate pass). The first scan
   * counts the shingles of {@value #COMMON_CHUNK} texts at a time (a table of a few tens of MB);
   * a shingle in at least {@code least} texts is in at least {@code least / chunks} texts of
   * some chunk, so the shingles each chunk sees that often are the candidates, and the second
   * scan counts the candidates alone.
   */
  static int[] commonShingles(Dataset<Row> vectors) {
    Dataset<Row> texts = vectors.filter(size(col("_features")).gt(0));
    long n = texts.count();
    double fraction = Math.min(1.0, (double) COMMON_SAMPLE / Math.max(1, n));
    Dataset<Row> sample = (fraction >= 1.0 ? texts
        : texts.filter(pmod(xxhash64(col(ArticlesTable.ARTICLE_ID)), lit(1_000_000L))
            .lt(Math.round(fraction * 1_000_000)))).select(col("_features"));
    long sampled = fraction >= 1.0 ? n : sample.count();
    long least = Math.max(COMMON_MIN_TEXTS, (long) Math.ceil(COMMON_SHARE * sampled));
    // One partition per core (merged, not shuffled): a partition's last chunk is short, and
    // with hundreds of partitions (a million articles) the threshold per chunk fell to one, so
    // that every shingle of the sample was a candidate and the driver ran out of memory.
    JavaRDD<Row> rows = sample.javaRDD().coalesce(Math.max(1,
        vectors.sparkSession().sparkContext().defaultParallelism()));
    // At most this many chunks of COMMON_CHUNK texts: each task's partition cut into chunks.
    long chunks = (sampled + COMMON_CHUNK - 1) / COMMON_CHUNK + rows.getNumPartitions();
    int local = (int) Math.max(1, Math.ceil(least / (double) chunks));
    List<int[]> found = rows.mapPartitions(part -> {
      List<int[]> out = new ArrayList<>();
      while (part.hasNext()) {
        IntCounts counts = new IntCounts();
        for (int t = 0; t < COMMON_CHUNK && part.hasNext(); t++) {
          for (int x : part.next().<Integer>getList(0)) {
            counts.add(x);
          }
        }
        out.add(counts.atLeast(local).stream().mapToInt(Integer::intValue).toArray());
      }
      return out.iterator();
    }).collect();
    int[] candidates = found.stream().flatMapToInt(Arrays::stream).distinct().sorted().toArray();
    if (candidates.length == 0) {
      return candidates;
    }
    Broadcast<int[]> wanted = JavaSparkContext.fromSparkContext(vectors.sparkSession()
        .sparkContext()).broadcast(candidates);
    long[] total = rows.mapPartitions(part -> {
      int[] c = wanted.value();
      long[] counts = new long[c.length];
      while (part.hasNext()) {
        for (int x : part.next().<Integer>getList(0)) {
          int i = Arrays.binarySearch(c, x);
          if (i >= 0) {
            counts[i]++;
          }
        }
      }
      return List.of(counts).iterator();
    }).reduce((a, b) -> {
      for (int i = 0; i < a.length; i++) {
        a[i] += b[i];
      }
      return a;
    });
    return IntStream.range(0, candidates.length).filter(i -> total[i] >= least)
        .map(i -> candidates[i]).toArray();
  }

  private static final StructType OVERLAP = new StructType()
      .add("jaccard", DataTypes.DoubleType, false)
      .add("containment", DataTypes.DoubleType, false)
      .add("cover", DataTypes.DoubleType, false);

  private static final StructType SHINGLES = new StructType()
      .add("hashes", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
      .add("runs", DataTypes.IntegerType, false);

  private static int[] ints(scala.collection.Seq<Integer> seq) {
    int[] out = new int[seq.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = seq.apply(i);
    }
    return out;
  }

  /**
   * Jaccard |A∩B| / |A∪B|, containment |A∩B| / min(|A|,|B|) and cover |A∩B| / max(|A|,|B|) of
   * two sorted sets of distinct shingle hashes; all 0 when either is empty.
   */
  static Row overlap(int[] x, int[] y) {
    if (x.length == 0 || y.length == 0) {
      return RowFactory.create(0.0, 0.0, 0.0);
    }
    int i = 0;
    int j = 0;
    int common = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        common++;
        i++;
        j++;
      } else if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return RowFactory.create((double) common / (x.length + y.length - common),
        (double) common / Math.min(x.length, y.length),
        (double) common / Math.max(x.length, y.length));
  }
}
