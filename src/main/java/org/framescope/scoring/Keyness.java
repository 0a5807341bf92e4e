package org.framescope.scoring;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.schema.ArticleStatsTable;
import org.framescope.schema.SourceKeynessTable;
import org.framescope.schema.TermCountsTable;
import scala.Tuple2;

/**
 * The {@code source_keyness} table: what each outlet says more (and less) than the others, over
 * its whole vocabulary in its own voice (headline and body outside quotations), read from the
 * {@code term_counts} the analysis pass stored: unigrams and bigrams (two adjacent words of a
 * sentence, a hyphen allowed between).
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

  private static final StructType SCORED = new StructType()
      .add("source", DataTypes.StringType, false)
      .add("term", DataTypes.StringType, false)
      .add("ngram", DataTypes.IntegerType, false)
      .add("y", DataTypes.LongType, false)
      .add("yw", DataTypes.LongType, false)
      .add(SourceKeynessTable.Z, DataTypes.DoubleType, false)
      .add(SourceKeynessTable.DIRECTION, DataTypes.StringType, false);

  /**
   * The keyness table from {@code term_counts} ({@link TermCountsTable#SCHEMA}), which holds each
   * term once with its uses in every source, so nothing is shuffled but the few best rows, and
   * {@code article_stats}, whose own-voice words and pairs of the original articles are the
   * totals the counts are rates of.
   *
   * <p>The totals per source and the corpus's {@value #FREQUENT} most frequent terms per order
   * (for which a source that never uses them is scored too, to find what it says less) are small
   * and go to the tasks as broadcasts. Each task scores its terms and keeps only its best {@code
   * keynessTop} per source and direction; the final ranking sorts those few.
   */
  public static Dataset<Row> sourceKeyness(Dataset<Row> termCounts, Dataset<Row> stats,
      ScoringOptions options) {
    Map<String, long[]> sourceTotals = new TreeMap<>();
    long[] corpusTotals = new long[3];
    for (Row r : stats.filter(not(col(ArticleStatsTable.IS_DUPLICATE)))
        .groupBy(col(ArticleStatsTable.SOURCE))
        .agg(sum(col(ArticleStatsTable.N_TOKENS_HEADLINE).plus(
            col(ArticleStatsTable.N_TOKENS_OUTLET))), sum(col(ArticleStatsTable.N_PAIRS_OWN)))
        .collectAsList()) {
      if (r.getLong(1) > 0) {
        sourceTotals.put(r.getString(0), new long[] {0, r.getLong(1), r.getLong(2)});
        corpusTotals[1] += r.getLong(1);
        corpusTotals[2] += r.getLong(2);
      }
    }
    Set<String> stop = new HashSet<>(List.of(StopWordsRemover.loadDefaultStopWords("english")));
    Set<String> frequent = new HashSet<>();
    for (int ngram = 1; ngram <= 2; ngram++) {
      final int order = ngram;
      termCounts.filter(col(TermCountsTable.NGRAM).equalTo(order))
          .select(col(TermCountsTable.TERM), col(TermCountsTable.USES_TOTAL))
          .as(Encoders.tuple(Encoders.STRING(), Encoders.LONG()))
          .filter((FilterFunction<Tuple2<String, Long>>) t -> eligible(t._1(), stop))
          .orderBy(col(TermCountsTable.USES_TOTAL).desc(), col(TermCountsTable.TERM))
          .limit(FREQUENT)
          .collectAsList().forEach(t -> frequent.add(order + " " + t._1()));
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(termCounts.sparkSession()
        .sparkContext());
    Broadcast<Map<String, long[]>> totals = sc.broadcast(sourceTotals);
    Broadcast<Set<String>> common = sc.broadcast(frequent);
    double a0 = options.keynessPrior();
    int top = options.keynessTop();
    MapPartitionsFunction<Row, Row> score = part -> {
      Map<String, PriorityQueue<Row>> best = new HashMap<>();
      while (part.hasNext()) {
        Row r = part.next();
        String term = r.getString(0);
        if (!eligible(term, stop)) {
          continue;
        }
        int ngram = r.getInt(1);
        long yw = r.getLong(2);
        Map<String, Long> bySource = new HashMap<>(r.getJavaMap(3));
        if (common.value().contains(ngram + " " + term)) {
          for (String source : totals.value().keySet()) {
            bySource.putIfAbsent(source, 0L);
          }
        }
        long total = corpusTotals[ngram];
        for (Map.Entry<String, Long> u : bySource.entrySet()) {
          long y = u.getValue();
          long n = totals.value().get(u.getKey())[ngram];
          Double z = Stats.zWord(y, n, yw - y, total - n, a0, a0 * yw / (double) total);
          if (z == null || z == 0.0) {
            continue;
          }
          String direction = z > 0 ? SourceKeynessTable.OVER : SourceKeynessTable.UNDER;
          PriorityQueue<Row> q = best.computeIfAbsent(u.getKey() + "\u0001" + direction,
              k -> new PriorityQueue<>(RANKING.reversed()));
          q.add(RowFactory.create(u.getKey(), term, ngram, y, yw, z, direction));
          if (q.size() > top) {
            q.poll();
          }
        }
      }
      List<Row> out = new ArrayList<>();
      best.values().forEach(out::addAll);
      return out.iterator();
    };
    return termCounts
        .select(col(TermCountsTable.TERM), col(TermCountsTable.NGRAM),
            col(TermCountsTable.USES_TOTAL), col(TermCountsTable.USES_BY_SOURCE))
        .mapPartitions(score, Encoders.row(SCORED))
        .withColumn(SourceKeynessTable.RANK, row_number().over(
            Window.partitionBy(col("source"), col(SourceKeynessTable.DIRECTION))
                .orderBy(abs(col(SourceKeynessTable.Z)).desc(), col("term"))))
        .filter(col(SourceKeynessTable.RANK).leq(top))
        .select(col("source"), col("term"), col("ngram"), col(SourceKeynessTable.DIRECTION),
            col(SourceKeynessTable.RANK), col("y").as(SourceKeynessTable.COUNT_SOURCE),
            col("yw").minus(col("y")).as(SourceKeynessTable.COUNT_REST),
            col(SourceKeynessTable.Z));
  }

  /** The ranking within a source and direction: larger |z| first, then by term. */
  private static final Comparator<Row> RANKING = Comparator
      .comparingDouble((Row r) -> -Math.abs(r.getDouble(5)))
      .thenComparing(r -> r.getString(1));

  private static boolean eligible(String term, Set<String> stop) {
    for (String w : term.split(" ")) {
      if (stop.contains(w)) {
        return false;
      }
    }
    return true;
  }
}
