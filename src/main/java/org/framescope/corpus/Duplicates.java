package org.framescope.corpus;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.DuplicatesTable;

/**
 * Finds republished copies: exact duplicates by normalised text, and near duplicates by MinHash
 * LSH over word shingles, confirmed by containment so that a truncated copy counts.
 *
 * <p><b>Exact.</b> Texts equal once lower-cased with punctuation and spacing folded are copies;
 * the earliest published (then the smallest id) is the original.
 *
 * <p><b>Near.</b> Each remaining text becomes the set of its word {@value #SHINGLE}-grams, hashed
 * into 2^{@value #HASH_BITS} features. MinHash LSH ({@value #HASH_TABLES} tables, OR-amplified:
 * a pair with Jaccard similarity J is a candidate with probability 1-(1-J)^{@value #HASH_TABLES},
 * 0.999 at J=0.5, 0.89 at J=0.2) proposes pairs with Jaccard at least {@code minJaccard}; a pair
 * is confirmed when the smaller set lies mostly inside the larger one: containment |A∩B| /
 * min(|A|,|B|) at least {@code minContainment}. A truncated copy has a low Jaccard but a
 * containment near 1. The longer text is the original (then the earlier, then the smaller id).
 * Texts shorter than {@value #SHINGLE} words have no shingles and are left to the exact pass.
 */
public final class Duplicates {
  static final int SHINGLE = 5;
  static final int HASH_BITS = 20;
  static final int HASH_TABLES = 10;
  static final long LSH_SEED = 20180911L;

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
    return exact.unionByName(nearDuplicates(originals, options));
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

  static Dataset<Row> exactDuplicates(Dataset<Row> base, DedupScope scope) {
    Column key = sha2(trim(regexp_replace(lower(col(ArticlesTable.TEXT)), "[^\\p{L}\\p{N}]+", " ")),
        256);
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

  static Dataset<Row> nearDuplicates(Dataset<Row> base, Options options) {
    // MinHash fails on an empty set, and a filter on the set size does not protect it: Spark
    // may evaluate the hash before the filter (common subexpressions are hoisted). So a text too
    // short for one shingle is padded with a token unique to it: it gets shingles no other text
    // has, and no near-duplicate pair.
    Column tokens = filter(split(lower(col(ArticlesTable.TEXT)), "[^\\p{L}\\p{N}]+"),
        t -> t.notEqual(""));
    Column padded = when(size(col("_tokens")).lt(SHINGLE),
        concat(col("_tokens"), array_repeat(concat(lit("\u0001"), col(ArticlesTable.ARTICLE_ID)),
            SHINGLE)))
        .otherwise(col("_tokens"));
    Dataset<Row> tokenized = base
        .withColumn("_tokens", tokens)
        .withColumn("_short", size(col("_tokens")).lt(SHINGLE))
        .withColumn("_tokens", padded);
    NGram shingles = new NGram().setN(SHINGLE).setInputCol("_tokens").setOutputCol("_shingles");
    HashingTF hashed = new HashingTF().setInputCol("_shingles").setOutputCol("_features")
        .setNumFeatures(1 << HASH_BITS).setBinary(true);
    PipelineModel features = new Pipeline()
        .setStages(new PipelineStage[] {shingles, hashed})
        .fit(tokenized);
    Dataset<Row> vectors = features.transform(tokenized)
        .select(col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE),
            col(ArticlesTable.PUBLISHED), col("_features"), col("_short"),
            size(col("_shingles")).as("_n"));

    MinHashLSHModel lsh = new MinHashLSH().setNumHashTables(HASH_TABLES).setSeed(LSH_SEED)
        .setInputCol("_features").setOutputCol("_hashes")
        .fit(vectors);
    Dataset<Row> hashedRows = lsh.transform(vectors);
    Dataset<Row> pairs = lsh.approxSimilarityJoin(hashedRows, hashedRows,
            1.0 - options.minJaccard(), "_distance")
        .toDF()
        .filter(col("datasetA." + ArticlesTable.ARTICLE_ID)
            .lt(col("datasetB." + ArticlesTable.ARTICLE_ID)))
        .filter(not(col("datasetA._short")).and(not(col("datasetB._short"))));
    if (options.scope() == DedupScope.WITHIN_SOURCE) {
      pairs = pairs.filter(col("datasetA." + ArticlesTable.SOURCE)
          .equalTo(col("datasetB." + ArticlesTable.SOURCE)));
    }
    UserDefinedFunction containment = udf(
        (UDF2<Vector, Vector, Double>) Duplicates::containment, DataTypes.DoubleType);
    // A is the copy when it is smaller, or equally large and later (nulls last), or tied and
    // of larger id: the original is the fuller, earlier text.
    Column aIsCopy = col("datasetA._n").lt(col("datasetB._n"))
        .or(col("datasetA._n").equalTo(col("datasetB._n"))
            .and(coalesce(col("datasetA." + ArticlesTable.PUBLISHED)
                    .gt(col("datasetB." + ArticlesTable.PUBLISHED)),
                col("datasetA." + ArticlesTable.PUBLISHED).isNull()
                    .and(col("datasetB." + ArticlesTable.PUBLISHED).isNotNull()),
                lit(false))));
    Dataset<Row> confirmed = pairs
        .withColumn("_containment",
            containment.apply(col("datasetA._features"), col("datasetB._features")))
        .filter(col("_containment").geq(options.minContainment()))
        .select(
            when(aIsCopy, col("datasetA." + ArticlesTable.ARTICLE_ID))
                .otherwise(col("datasetB." + ArticlesTable.ARTICLE_ID)).as("_copy"),
            when(aIsCopy, col("datasetB." + ArticlesTable.ARTICLE_ID))
                .otherwise(col("datasetA." + ArticlesTable.ARTICLE_ID)).as("_original"),
            when(aIsCopy, col("datasetA." + ArticlesTable.SOURCE))
                .otherwise(col("datasetB." + ArticlesTable.SOURCE)).as("_source"),
            when(aIsCopy, col("datasetB._n")).otherwise(col("datasetA._n")).as("_original_n"),
            lit(1.0).minus(col("_distance")).as("_jaccard"),
            col("_containment"));
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

  /** |A∩B| / min(|A|,|B|) over the non-zero indices of two binary vectors. */
  static Double containment(Vector a, Vector b) {
    int[] x = ((SparseVector) a.toSparse()).indices();
    int[] y = ((SparseVector) b.toSparse()).indices();
    if (x.length == 0 || y.length == 0) {
      return 0.0;
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
    return (double) common / Math.min(x.length, y.length);
  }
}
