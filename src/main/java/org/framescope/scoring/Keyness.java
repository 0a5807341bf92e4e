package org.framescope.scoring;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.SourceKeynessTable;
import org.framescope.text.Quotes;
import org.framescope.text.TextLayer;
import org.framescope.text.Token;

/**
 * The {@code source_keyness} table: what each outlet says more (and less) than the others, over
 * its whole vocabulary in its own voice (headline and body outside quotations, default text
 * layer): unigrams and bigrams (two adjacent words of a sentence, a hyphen allowed between).
 *
 * <p>Each term's Fightin' Words z-score of the source against all other sources (Monroe,
 * Colaresi & Quinn 2008; see {@link Stats#zWord}) with an informative Dirichlet prior: total
 * {@code α0} ({@link ScoringOptions#keynessPrior()}), split as the corpus frequencies ({@code α_w
 * = α0 · y_w / N}), unigrams and bigrams each against their own totals. No maximum document
 * frequency: a word in every article is as eligible as any. Stop words (Spark MLlib's English
 * list) are dropped from the ranking but not from the counts; a bigram with a stop word in it is
 * dropped too. Under-use is looked for among the terms the source uses and the corpus's most
 * frequent terms ({@value #FREQUENT} per n-gram order), so the table needs no cross product of
 * sources and the whole vocabulary.
 */
public final class Keyness {
  static final int FREQUENT = 2000;

  private Keyness() {}

  /** Entries a partition's term counts may hold before they are handed on and started afresh. */
  static final int COMBINE_LIMIT = 200_000;

  static final StructType TERM_COUNTS = new StructType()
      .add("source", DataTypes.StringType, false)
      .add("term", DataTypes.StringType, false)
      .add("ngram", DataTypes.IntegerType, false)
      .add("y", DataTypes.LongType, false);

  /**
   * The outlet-voice unigram and bigram counts of the original articles, per source: one row per
   * (source, term, n-gram order) and partition, counted in the partition (at most {@value
   * #COMBINE_LIMIT} entries held at a time) so that a word is not shuffled once per use. Sum
   * {@code y} per key for the corpus counts.
   */
  public static Dataset<Row> termCounts(Dataset<Row> articles) {
    MapPartitionsFunction<Row, Row> terms = rows -> {
      List<Row> out = new ArrayList<>();
      Map<TermKey, long[]> counts = new HashMap<>();
      while (rows.hasNext()) {
        Row row = rows.next();
        String source = row.getString(0);
        String title = row.getString(1);
        if (title != null && !title.isBlank()) {
          count(source, TextLayer.analyzeHeadline(title), Quotes.inHeadline(title), counts);
        }
        String text = row.getString(2);
        count(source, TextLayer.analyze(text), Quotes.inBody(text), counts);
        if (counts.size() >= COMBINE_LIMIT) {
          drain(counts, out);
        }
      }
      drain(counts, out);
      return out.iterator();
    };
    return articles.filter(not(col(ArticlesTable.IS_DUPLICATE)))
        .select(col(ArticlesTable.SOURCE), col(ArticlesTable.TITLE), col(ArticlesTable.TEXT))
        .mapPartitions(terms, Encoders.row(TERM_COUNTS));
  }

  private record TermKey(String source, String term, int ngram) {}

  private static void drain(Map<TermKey, long[]> counts, List<Row> out) {
    counts.forEach((k, y) -> out.add(RowFactory.create(k.source(), k.term(), k.ngram(), y[0])));
    counts.clear();
  }

  private static void count(String source, TextLayer.Analysis a, BitSet quoted,
      Map<TermKey, long[]> counts) {
    for (List<Token> sentence : a.tokens()) {
      Token previous = null;
      for (Token t : sentence) {
        if (!t.isWord()) {
          if (!t.isHyphen()) {
            previous = null;
          }
          continue;
        }
        if (quoted.get(t.start())) {
          previous = null;
          continue;
        }
        counts.computeIfAbsent(new TermKey(source, t.norm(), 1), k -> new long[1])[0]++;
        if (previous != null) {
          counts.computeIfAbsent(new TermKey(source, previous.norm() + " " + t.norm(), 2),
              k -> new long[1])[0]++;
        }
        previous = t;
      }
    }
  }

  /**
   * The keyness table from the partial counts of {@link #termCounts}, which it reads several
   * times: pass them stored (as the score stage does), not recomputed.
   */
  public static Dataset<Row> sourceKeyness(Dataset<Row> termCounts, ScoringOptions options) {
    Dataset<Row> counts = termCounts.groupBy("source", "term", "ngram").agg(sum("y").as("y"));
    Dataset<Row> sourceTotals = counts.groupBy("source", "ngram").agg(sum("y").as("n"));
    Dataset<Row> termTotals = counts.groupBy("term", "ngram").agg(sum("y").as("yw"));
    Dataset<Row> corpusTotals = counts.groupBy("ngram").agg(sum("y").as("total"));
    Set<String> stop = new HashSet<>(List.of(StopWordsRemover.loadDefaultStopWords("english")));
    UserDefinedFunction eligible = udf(
        (org.apache.spark.sql.api.java.UDF1<String, Boolean>) term -> {
          for (String w : term.split(" ")) {
            if (stop.contains(w)) {
              return false;
            }
          }
          return true;
        }, DataTypes.BooleanType);
    Dataset<Row> frequent = termTotals.filter(eligible.apply(col("term")))
        .withColumn("_r", row_number().over(Window.partitionBy("ngram")
            .orderBy(col("yw").desc(), col("term"))))
        .filter(col("_r").leq(FREQUENT)).select("term", "ngram");
    Dataset<Row> candidates = counts.filter(eligible.apply(col("term"))).select("source", "term",
            "ngram")
        .union(sourceTotals.select("source", "ngram").join(frequent, "ngram")
            .select("source", "term", "ngram"))
        .distinct();
    double a0 = options.keynessPrior();
    UserDefinedFunction z = udf((UDF4<Long, Long, Long, Long, Double>) (y, n, yw, total) ->
        Stats.zWord(y, n, yw - y, total - n, a0, a0 * yw / (double) total), DataTypes.DoubleType);
    Dataset<Row> scored = candidates
        .join(counts, new String[] {"source", "term", "ngram"}, "left")
        .withColumn("y", coalesce(col("y"), lit(0L)))
        .join(sourceTotals, new String[] {"source", "ngram"})
        .join(termTotals, new String[] {"term", "ngram"})
        .join(corpusTotals, "ngram")
        .withColumn(SourceKeynessTable.Z, z.apply(col("y"), col("n"), col("yw"), col("total")))
        .filter(col(SourceKeynessTable.Z).isNotNull());
    Dataset<Row> over = scored.filter(col(SourceKeynessTable.Z).gt(0))
        .withColumn(SourceKeynessTable.RANK, row_number().over(Window.partitionBy("source")
            .orderBy(col(SourceKeynessTable.Z).desc(), col("term"))))
        .withColumn(SourceKeynessTable.DIRECTION, lit(SourceKeynessTable.OVER));
    Dataset<Row> under = scored.filter(col(SourceKeynessTable.Z).lt(0))
        .withColumn(SourceKeynessTable.RANK, row_number().over(Window.partitionBy("source")
            .orderBy(col(SourceKeynessTable.Z).asc(), col("term"))))
        .withColumn(SourceKeynessTable.DIRECTION, lit(SourceKeynessTable.UNDER));
    return over.unionByName(under)
        .filter(col(SourceKeynessTable.RANK).leq(options.keynessTop()))
        .select(col("source"), col("term"), col("ngram"), col(SourceKeynessTable.DIRECTION),
            col(SourceKeynessTable.RANK), col("y").as(SourceKeynessTable.COUNT_SOURCE),
            col("yw").minus(col("y")).as(SourceKeynessTable.COUNT_REST),
            col(SourceKeynessTable.Z));
  }
}
