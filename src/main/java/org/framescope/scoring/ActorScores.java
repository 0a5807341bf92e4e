package org.framescope.scoring;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.framescope.schema.ActorMentionsTable;
import org.framescope.schema.ActorScoresTable;
import org.framescope.schema.ArticleStatsTable;

/**
 * The {@code actor_scores} table: per source, actor, voice group and period, the mentions, the
 * mean compound of the sentence parts naming the actor with its bootstrap interval, and the
 * difference from the corpus-wide mean for that actor, with its interval. The difference's
 * replicates use the same article weights for the source and the corpus, so the interval
 * accounts for the source being part of the corpus. Compound scores are summed in fixed point
 * (units of 1e-9) so that the sums are exact whatever the partitioning. Duplicates are left out.
 */
public final class ActorScores {
  static final double FIXED = 1e9;

  private ActorScores() {}

  /** Vector layout: for actor a and voice group g, [mentions, fixed-point sum, has-mention]. */
  static int at(int actor, int group) {
    return (actor * Groups.N_VOICES + group) * 3;
  }

  static int width(List<String> actors) {
    return actors.size() * Groups.N_VOICES * 3 + 1;
  }

  public static Dataset<Row> perArticleSums(Dataset<Row> stats, Dataset<Row> mentions,
      List<String> actors, long seed) {
    Dataset<Row> lists = mentions.groupBy(col(ActorMentionsTable.ARTICLE_ID).as("_id"))
        .agg(collect_list(struct(col(ActorMentionsTable.ACTOR), col(ActorMentionsTable.VOICE),
            col(ActorMentionsTable.COMPOUND))).as("_m"));
    Dataset<Row> joined = stats.filter(not(col(ArticleStatsTable.IS_DUPLICATE)))
        .join(lists, col(ArticleStatsTable.ARTICLE_ID).equalTo(col("_id")), "left")
        .select(col(ArticleStatsTable.SOURCE), col(ArticleStatsTable.PUBLISHED),
            BootstrapSums.articleHash(col(ArticleStatsTable.ARTICLE_ID), seed).as("_hash"),
            col("_m"));
    int width = width(actors);
    FlatMapFunction<Row, Row> vectors = row -> {
      long[] v = new long[width];
      if (!row.isNullAt(3)) {
        for (Row m : row.<Row>getList(3)) {
          int a = actors.indexOf(m.getString(0));
          if (a < 0) {
            continue;
          }
          long fixed = Math.round(m.getDouble(2) * FIXED);
          for (int g : new int[] {Groups.voiceGroup(m.getString(1)), Groups.ALL}) {
            v[at(a, g)]++;
            v[at(a, g) + 1] += fixed;
            v[at(a, g) + 2] = 1;
          }
        }
      }
      v[width - 1] = 1;
      return Groups.inputRows(row.getString(0), row.getDate(1), row.getLong(2), v).iterator();
    };
    return joined.flatMap(vectors, Encoders.row(BootstrapSums.INPUT));
  }

  public static Dataset<Row> actorScores(Dataset<Row> stats, Dataset<Row> mentions,
      List<String> actors, ScoringOptions options) {
    int width = width(actors);
    Dataset<Row> sums = BootstrapSums.withCorpusSums(BootstrapSums.sum(perArticleSums(stats,
        mentions, actors, options.seed()), width, options.replicates()), width,
        options.replicates());
    FlatMapFunction<Row, Row> score = row -> {
      long[] p = SourceScores.longs(row.getList(2));
      long[] reps = SourceScores.longs(row.getList(3));
      long[] c = SourceScores.longs(row.getList(4));
      long[] creps = SourceScores.longs(row.getList(5));
      int r = reps.length / width;
      List<Row> out = new ArrayList<>();
      for (int a = 0; a < actors.size(); a++) {
        for (int g = 0; g < Groups.N_VOICES; g++) {
          int i = at(a, g);
          long m = p[i];
          Double mean = m > 0 ? p[i + 1] / FIXED / m : null;
          Double corpusMean = c[i] > 0 ? c[i + 1] / FIXED / c[i] : null;
          double[] means = new double[r];
          double[] diffs = new double[r];
          int nm = 0;
          int nd = 0;
          for (int k = 0; k < r; k++) {
            int b = k * width + i;
            if (reps[b] > 0) {
              double mk = reps[b + 1] / FIXED / reps[b];
              means[nm++] = mk;
              if (creps[b] > 0) {
                diffs[nd++] = mk - creps[b + 1] / FIXED / creps[b];
              }
            }
          }
          // One article cannot show its own variability: no interval from fewer than two.
          boolean enough = p[i + 2] >= 2;
          Double[] mi = enough ? Stats.interval(means, nm) : new Double[] {null, null};
          Double[] di = enough ? Stats.interval(diffs, nd) : new Double[] {null, null};
          out.add(RowFactory.create(row.getString(0), actors.get(a), Groups.VOICES[g],
              row.getString(1), m, p[i + 2], mean, mi[0], mi[1],
              mean == null || corpusMean == null ? null : mean - corpusMean, di[0], di[1],
              m >= options.minHits() && p[i + 2] >= options.minArticles()));
        }
      }
      return out.iterator();
    };
    return SourceScores.withCorpus(sums).flatMap(score, Encoders.row(ActorScoresTable.SCHEMA));
  }
}
