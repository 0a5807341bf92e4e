package org.framescope.scoring;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
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
    MapPartitionsFunction<Row, Row> terms = PartitionCounts::new;
    return articles.filter(not(col(ArticlesTable.IS_DUPLICATE)))
        .select(col(ArticlesTable.SOURCE), col(ArticlesTable.TITLE), col(ArticlesTable.TEXT))
        .mapPartitions(terms, Encoders.row(TERM_COUNTS));
  }

  /**
   * Counts the rows of a partition into a map and hands the counts on each time it holds
   * {@value #COMBINE_LIMIT} entries, so that a task holds at most that many, whatever the size
   * of its partition.
   */
  private static final class PartitionCounts implements Iterator<Row> {
    private final Iterator<Row> rows;
    private final Map<TermKey, long[]> counts = new HashMap<>();
    private Iterator<Map.Entry<TermKey, long[]>> ready = Collections.emptyIterator();

    PartitionCounts(Iterator<Row> rows) {
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      if (ready.hasNext()) {
        return true;
      }
      counts.clear();
      while (rows.hasNext() && counts.size() < COMBINE_LIMIT) {
        Row row = rows.next();
        String source = row.getString(0);
        String title = row.getString(1);
        if (title != null && !title.isBlank()) {
          count(source, TextLayer.analyzeHeadline(title), Quotes.inHeadline(title), counts);
        }
        String text = row.getString(2);
        count(source, TextLayer.analyze(text), Quotes.inBody(text), counts);
      }
      ready = counts.entrySet().iterator();
      return ready.hasNext();
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Map.Entry<TermKey, long[]> e = ready.next();
      return RowFactory.create(e.getKey().source(), e.getKey().term(), e.getKey().ngram(),
          e.getValue()[0]);
    }
  }

  /**
   * A count's key. Its hash mixes 64 bits of the characters rather than combining {@link
   * String#hashCode}s: words built from the same syllables collide there often enough to turn
   * the map's buckets into trees (a fifth of the term counting's time on generated text).
   */
  private record TermKey(String source, String term, int ngram) {
    @Override
    public boolean equals(Object o) {
      return o instanceof TermKey k && ngram == k.ngram && term.equals(k.term)
          && source.equals(k.source);
    }

    @Override
    public int hashCode() {
      long h = 0xCBF29CE484222325L ^ ngram;
      for (int i = 0; i < term.length(); i++) {
        h = (h ^ term.charAt(i)) * 0x100000001B3L;
      }
      h = (h ^ source.hashCode()) * 0x100000001B3L;
      h ^= h >>> 29;
      h *= 0xBF58476D1CE4E5B9L;
      return (int) (h ^ (h >>> 32));
    }
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

  private static final StructType SCORED = new StructType()
      .add("source", DataTypes.StringType, false)
      .add("term", DataTypes.StringType, false)
      .add("ngram", DataTypes.IntegerType, false)
      .add("y", DataTypes.LongType, false)
      .add("yw", DataTypes.LongType, false)
      .add(SourceKeynessTable.Z, DataTypes.DoubleType, false);

  /**
   * The keyness table from the partial counts of {@link #termCounts}, which it reads three
   * times: pass them stored (as the score stage does), not recomputed. One shuffle gathers each
   * term's uses by every source; the totals per source and the corpus's most frequent terms are
   * small (sources × 2 numbers, {@value #FREQUENT} terms per order) and go to the tasks as
   * broadcasts, so the scores need no join; a second shuffle ranks them per source.
   */
  public static Dataset<Row> sourceKeyness(Dataset<Row> termCounts, ScoringOptions options) {
    Map<String, long[]> sourceTotals = new TreeMap<>();
    long[] corpusTotals = new long[3];
    for (Row r : termCounts.groupBy("source", "ngram").agg(sum("y")).collectAsList()) {
      sourceTotals.computeIfAbsent(r.getString(0), k -> new long[3])[r.getInt(1)] = r.getLong(2);
      corpusTotals[r.getInt(1)] += r.getLong(2);
    }
    Set<String> stop = new HashSet<>(List.of(StopWordsRemover.loadDefaultStopWords("english")));
    Dataset<Row> perTerm = termCounts
        .groupBy("term", "ngram")
        .agg(collect_list(struct(col("source"), col("y"))).as("uses"), sum("y").as("yw"));
    Set<String> frequent = new HashSet<>();
    for (int ngram = 1; ngram <= 2; ngram++) {
      final int order = ngram;
      perTerm.filter(col("ngram").equalTo(order))
          .select("term", "yw").as(Encoders.tuple(Encoders.STRING(), Encoders.LONG()))
          .filter((org.apache.spark.api.java.function.FilterFunction<scala.Tuple2<String, Long>>)
              t -> eligible(t._1(), stop))
          .orderBy(col("yw").desc(), col("term")).limit(FREQUENT)
          .collectAsList().forEach(t -> frequent.add(order + " " + t._1()));
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(termCounts.sparkSession()
        .sparkContext());
    Broadcast<Map<String, long[]>> totals = sc.broadcast(sourceTotals);
    Broadcast<Set<String>> common = sc.broadcast(frequent);
    double a0 = options.keynessPrior();
    FlatMapFunction<Row, Row> score = row -> {
      String term = row.getString(0);
      int ngram = row.getInt(1);
      List<Row> out = new ArrayList<>();
      if (!eligible(term, stop)) {
        return out.iterator();
      }
      Map<String, Long> bySource = new HashMap<>();
      for (Row use : row.<Row>getList(2)) {
        bySource.merge(use.getString(0), use.getLong(1), Long::sum);
      }
      if (common.value().contains(ngram + " " + term)) {
        totals.value().keySet().forEach(source -> bySource.putIfAbsent(source, 0L));
      }
      long yw = row.getLong(3);
      long total = corpusTotals[ngram];
      bySource.forEach((source, y) -> {
        long n = totals.value().get(source)[ngram];
        Double z = Stats.zWord(y, n, yw - y, total - n, a0, a0 * yw / (double) total);
        if (z != null) {
          out.add(RowFactory.create(source, term, ngram, y, yw, z));
        }
      });
      return out.iterator();
    };
    Dataset<Row> scored = perTerm.select("term", "ngram", "uses", "yw")
        .flatMap(score, Encoders.row(SCORED))
        .filter(col(SourceKeynessTable.Z).notEqual(0.0))
        .withColumn(SourceKeynessTable.DIRECTION,
            when(col(SourceKeynessTable.Z).gt(0), lit(SourceKeynessTable.OVER))
                .otherwise(lit(SourceKeynessTable.UNDER)));
    return scored
        .withColumn(SourceKeynessTable.RANK, row_number().over(
            Window.partitionBy(col("source"), col(SourceKeynessTable.DIRECTION))
                .orderBy(abs(col(SourceKeynessTable.Z)).desc(), col("term"))))
        .filter(col(SourceKeynessTable.RANK).leq(options.keynessTop()))
        .select(col("source"), col("term"), col("ngram"), col(SourceKeynessTable.DIRECTION),
            col(SourceKeynessTable.RANK), col("y").as(SourceKeynessTable.COUNT_SOURCE),
            col("yw").minus(col("y")).as(SourceKeynessTable.COUNT_REST),
            col(SourceKeynessTable.Z));
  }

  private static boolean eligible(String term, Set<String> stop) {
    for (String w : term.split(" ")) {
      if (stop.contains(w)) {
        return false;
      }
    }
    return true;
  }
}
