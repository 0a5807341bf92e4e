package org.framescope.scoring;

import static org.apache.spark.sql.functions.*;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.lexicon.Entry;
import org.framescope.lexicon.Lexicon;
import org.framescope.schema.ArticleStatsTable;
import org.framescope.schema.SourceScoresTable;
import org.framescope.schema.TermHitsTable;

/**
 * The {@code source_scores} table: per source, axis or frame, voice ({@code outlet}: the
 * headline and body in the outlet's own words; {@code reported}; {@code quoted}; {@code all}) and period ({@code
 * all} and each month), the counts, the smoothed preference with its bootstrap interval, the
 * z-score against the other sources, the salience with its interval, reliability and evidence.
 * Duplicates are left out: each story counts once. Formulas: {@link Stats}.
 */
public final class SourceScores {
  private SourceScores() {}

  /** The axes and frames of a lexicon, in the order of the count vectors. */
  public record Layout(List<String> names, List<String> kinds, List<String> poleA,
      List<String> poleB) implements Serializable {

    public static Layout of(Lexicon lexicon) {
      List<String> n = new ArrayList<>();
      List<String> k = new ArrayList<>();
      List<String> a = new ArrayList<>();
      List<String> b = new ArrayList<>();
      for (Lexicon.Axis axis : lexicon.axes()) {
        n.add(axis.name());
        k.add(Entry.AXIS);
        a.add(axis.poleA());
        b.add(axis.poleB());
      }
      for (Lexicon.Named frame : lexicon.frames()) {
        n.add(frame.name());
        k.add(Entry.FRAME);
        a.add(frame.name());
        b.add(null);
      }
      return new Layout(n, k, a, b);
    }

    int width() {
      return names.size() * Groups.N_VOICES * 3 + Groups.N_VOICES + 1;
    }

    /** Index of [A, B, has-hit] of name {@code n} in voice group {@code v}. */
    int counts(int n, int v) {
      return (n * Groups.N_VOICES + v) * 3;
    }

    int tokens(int v) {
      return names.size() * Groups.N_VOICES * 3 + v;
    }

    int articles() {
      return names.size() * Groups.N_VOICES * 3 + Groups.N_VOICES;
    }
  }

  /**
   * One row per article and group ({@link BootstrapSums#INPUT}): the article's hits of each pole
   * per voice group and its tokens. Needs {@code article_stats} and {@code term_hits}; duplicates
   * are dropped here.
   */
  public static Dataset<Row> perArticleCounts(Dataset<Row> stats, Dataset<Row> hits,
      Layout layout, long seed) {
    Dataset<Row> hitLists = hits.groupBy(col(TermHitsTable.ARTICLE_ID).as("_id"))
        .agg(collect_list(struct(col(TermHitsTable.NAME_COL), col(TermHitsTable.POLE),
            col(TermHitsTable.VOICE))).as("_hits"));
    Dataset<Row> joined = stats.filter(not(col(ArticleStatsTable.IS_DUPLICATE)))
        .join(hitLists, col(ArticleStatsTable.ARTICLE_ID).equalTo(col("_id")), "left")
        .select(col(ArticleStatsTable.SOURCE), col(ArticleStatsTable.PUBLISHED),
            BootstrapSums.articleHash(col(ArticleStatsTable.ARTICLE_ID), seed).as("_hash"),
            col(ArticleStatsTable.N_TOKENS_HEADLINE), col(ArticleStatsTable.N_TOKENS_OUTLET),
            col(ArticleStatsTable.N_TOKENS_REPORTED), col(ArticleStatsTable.N_TOKENS_QUOTED),
            col("_hits"));
    FlatMapFunction<Row, Row> vectors = row -> {
      long[] v = new long[layout.width()];
      if (!row.isNullAt(7)) {
        for (Row h : row.<Row>getList(7)) {
          int n = layout.names().indexOf(h.getString(0));
          if (n < 0) {
            continue;
          }
          int pole = h.getString(1).equals(layout.poleA().get(n)) ? 0 : 1;
          int group = Groups.voiceGroup(h.getString(2));
          v[layout.counts(n, group) + pole]++;
          v[layout.counts(n, Groups.ALL) + pole]++;
        }
        for (int n = 0; n < layout.names().size(); n++) {
          for (int g = 0; g < Groups.N_VOICES; g++) {
            int i = layout.counts(n, g);
            v[i + 2] = v[i] + v[i + 1] > 0 ? 1 : 0;
          }
        }
      }
      long headline = row.getInt(3);
      long outlet = row.getInt(4);
      long reported = row.getInt(5);
      long quoted = row.getInt(6);
      v[layout.tokens(0)] = headline + outlet;
      v[layout.tokens(1)] = reported;
      v[layout.tokens(2)] = quoted;
      v[layout.tokens(Groups.ALL)] = headline + outlet + reported + quoted;
      v[layout.articles()] = 1;
      return Groups.inputRows(row.getString(0), row.getDate(1), row.getLong(2), v).iterator();
    };
    return joined.flatMap(vectors, Encoders.row(BootstrapSums.INPUT));
  }

  /** Pairs every source group's sums with its period's corpus sums. */
  static Dataset<Row> withCorpus(Dataset<Row> sums) {
    Column parts = split(col(BootstrapSums.KEY), String.valueOf(Groups.SEP));
    Dataset<Row> keyed = sums
        .withColumn("_kind", parts.getItem(0))
        .withColumn("_source", parts.getItem(1))
        .withColumn("_period", parts.getItem(2));
    Dataset<Row> sources = keyed.filter(col("_kind").equalTo(Groups.SOURCE));
    Dataset<Row> corpus = keyed.filter(col("_kind").equalTo(Groups.CORPUS))
        .select(col("_period").as("_c_period"), col(BootstrapSums.POINT).as("_c_point"),
            col(BootstrapSums.REPLICATES).as("_c_replicates"));
    return sources.join(corpus, col("_period").equalTo(col("_c_period")))
        .select(col("_source"), col("_period"), col(BootstrapSums.POINT),
            col(BootstrapSums.REPLICATES), col("_c_point"), col("_c_replicates"));
  }

  static final StructType SCORES = new StructType(java.util.Arrays.stream(
          SourceScoresTable.SCHEMA.fields())
      .filter(f -> !f.name().equals(SourceScoresTable.EVIDENCE))
      .toArray(org.apache.spark.sql.types.StructField[]::new));

  /** The scores from the bootstrap sums; one row per source, name, voice and period. */
  public static Dataset<Row> fromSums(Dataset<Row> sums, Layout layout, ScoringOptions options) {
    FlatMapFunction<Row, Row> score = row -> {
      String source = row.getString(0);
      String period = row.getString(1);
      long[] p = longs(row.getList(2));
      long[] reps = longs(row.getList(3));
      long[] c = longs(row.getList(4));
      int width = layout.width();
      int r = reps.length / width;
      List<Row> out = new ArrayList<>();
      for (int n = 0; n < layout.names().size(); n++) {
        boolean axis = Entry.AXIS.equals(layout.kinds().get(n));
        for (int g = 0; g < Groups.N_VOICES; g++) {
          int i = layout.counts(n, g);
          int t = layout.tokens(g);
          long a = p[i];
          long b = p[i + 1];
          long tokens = p[t];
          double share = Stats.corpusShare(c[i], c[i + 1]);
          double[] prefs = new double[r];
          double[] sal = new double[r];
          int ns = 0;
          for (int k = 0; k < r; k++) {
            int base = k * width;
            double ra = reps[base + i];
            double rb = reps[base + i + 1];
            prefs[k] = Stats.preference(ra, rb, options.priorStrength(), share);
            double rt = reps[base + t];
            if (rt > 0) {
              sal[ns++] = (axis ? ra + rb : ra) / rt * 1e4;
            }
          }
          long hitsTotal = axis ? a + b : a;
          Double preference = null;
          Double[] prefInterval = {null, null};
          Double z;
          // One article cannot show its own variability: no interval from fewer than two.
          if (axis) {
            preference = Stats.preference(a, b, options.priorStrength(), share);
            prefInterval = p[i + 2] < 2 ? prefInterval : Stats.interval(prefs, r);
            z = c[i] + c[i + 1] == 0 ? null : Stats.zAxis(a, b, c[i] - a, c[i + 1] - b,
                options.priorStrength(), share);
          } else {
            double aw = options.priorStrength() * (c[i] + 0.5) / (c[t] + 1.0);
            z = Stats.zWord(a, tokens, c[i] - a, c[t] - tokens, options.priorStrength(), aw);
          }
          Double salience = tokens > 0 ? hitsTotal / (double) tokens * 1e4 : null;
          Double[] salInterval = p[layout.articles()] < 2 ? new Double[] {null, null}
              : Stats.interval(sal, ns);
          boolean reliable = hitsTotal >= options.minHits() && p[i + 2] >= options.minArticles();
          out.add(RowFactory.create(source, layout.names().get(n), layout.kinds().get(n),
              Groups.VOICES[g], period, p[layout.articles()], p[i + 2], tokens,
              layout.poleA().get(n), layout.poleB().get(n), a, axis ? b : null, preference,
              prefInterval[0], prefInterval[1], z, salience, salInterval[0], salInterval[1],
              reliable));
        }
      }
      return out.iterator();
    };
    return withCorpus(sums).flatMap(score, Encoders.row(SCORES));
  }

  /**
   * Up to {@link ScoringOptions#EVIDENCE} article ids per source, name, voice and period: the
   * articles with the most hits (then the smallest ids), to look up with kwic.
   */
  public static Dataset<Row> evidence(Dataset<Row> stats, Dataset<Row> hits) {
    Dataset<Row> originals = stats.filter(not(col(ArticleStatsTable.IS_DUPLICATE)))
        .select(col(ArticleStatsTable.ARTICLE_ID).as("_id"));
    Column voiceGroup = Groups.voiceGroup(col(TermHitsTable.VOICE));
    Column periods = array(lit(SourceScoresTable.PERIOD_ALL),
        date_format(col(TermHitsTable.PUBLISHED), "yyyy-MM"));
    Dataset<Row> exploded = hits.join(originals, col(TermHitsTable.ARTICLE_ID).equalTo(col("_id")))
        .select(col(TermHitsTable.SOURCE), col(TermHitsTable.NAME_COL),
            col(TermHitsTable.ARTICLE_ID), filter(periods, x -> x.isNotNull()).as("_periods"),
            explode(array(voiceGroup, lit(SourceScoresTable.VOICE_ALL))).as("_voice"))
        .select(col(TermHitsTable.SOURCE), col(TermHitsTable.NAME_COL),
            col(TermHitsTable.ARTICLE_ID), col("_voice"), explode(col("_periods")).as("_period"))
        .groupBy(col(TermHitsTable.SOURCE), col(TermHitsTable.NAME_COL), col("_voice"),
            col("_period"), col(TermHitsTable.ARTICLE_ID))
        .agg(count(lit(1)).as("_n"));
    return exploded
        .withColumn("_rank", row_number().over(Window.partitionBy(col(TermHitsTable.SOURCE),
                col(TermHitsTable.NAME_COL), col("_voice"), col("_period"))
            .orderBy(col("_n").desc(), col(TermHitsTable.ARTICLE_ID))))
        .filter(col("_rank").leq(ScoringOptions.EVIDENCE))
        .groupBy(col(TermHitsTable.SOURCE).as("_e_source"), col(TermHitsTable.NAME_COL).as("_e_name"),
            col("_voice").as("_e_voice"), col("_period").as("_e_period"))
        .agg(transform(array_sort(collect_list(struct(col("_rank"), col(TermHitsTable.ARTICLE_ID)))),
            x -> x.getField(TermHitsTable.ARTICLE_ID)).as(SourceScoresTable.EVIDENCE));
  }

  /** The whole table: scores joined with their evidence. */
  public static Dataset<Row> sourceScores(Dataset<Row> stats, Dataset<Row> hits, Layout layout,
      ScoringOptions options) {
    Dataset<Row> sums = BootstrapSums.withCorpusSums(BootstrapSums.sum(
        perArticleCounts(stats, hits, layout, options.seed()), layout.width(),
        options.replicates()), layout.width(), options.replicates());
    Dataset<Row> scores = fromSums(sums, layout, options);
    Dataset<Row> ev = evidence(stats, hits);
    return scores.join(ev, scores.col(SourceScoresTable.SOURCE).equalTo(ev.col("_e_source"))
                .and(scores.col(SourceScoresTable.NAME_COL).equalTo(ev.col("_e_name")))
                .and(scores.col(SourceScoresTable.VOICE).equalTo(ev.col("_e_voice")))
                .and(scores.col(SourceScoresTable.PERIOD).equalTo(ev.col("_e_period"))), "left")
        .withColumn(SourceScoresTable.EVIDENCE, coalesce(col(SourceScoresTable.EVIDENCE),
            array().cast(DataTypes.createArrayType(DataTypes.StringType))))
        .drop("_e_source", "_e_name", "_e_voice", "_e_period");
  }

  static long[] longs(List<Long> values) {
    long[] out = new long[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }
}
