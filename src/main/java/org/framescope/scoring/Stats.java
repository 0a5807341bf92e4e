package org.framescope.scoring;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The formulas of the scoring package.
 *
 * <p><b>Preference</b> (an axis with poles a and b). With {@code A} and {@code B} the source's
 * hits of each pole and {@code π} the corpus-wide share of pole a, smoothed by half a hit ({@code
 * π = (A_corpus + ½) / (A_corpus + B_corpus + 1)}), the source's share of pole a is shrunk toward
 * the corpus share by a prior of strength {@code α} hits: {@code p = (A + απ) / (A + B + α)}, and
 * {@code preference = 2p − 1} in [−1, 1]. With three hits and α = 10, a source that uses pole a
 * every time moves less than a third of the way from the corpus share to +1. (Additive smoothing
 * toward a prior mean: the posterior mean of a Beta(απ, α(1−π)) prior.)
 *
 * <p><b>z vs rest</b> (Monroe, Colaresi & Quinn, "Fightin' Words: Lexical Feature Selection and
 * Evaluation for Identifying the Content of Political Conflict", Political Analysis 16(4), 2008,
 * eq. 16 and 22). The log-odds ratio of pole a to pole b in the source against all other sources,
 * with an informative Dirichlet prior of total α split as the corpus shares ({@code α_a = απ},
 * {@code α_b = α(1−π)}): {@code δ = ln((A+α_a)/(B+α_b)) − ln((A'+α_a)/(B'+α_b))}, where A', B'
 * are the other sources' hits, and {@code z = δ / sqrt(1/(A+α_a) + 1/(B+α_b) + 1/(A'+α_a) +
 * 1/(B'+α_b))}. For a frame the two "words" are the frame's hits and all other tokens, with
 * Monroe's approximate variance {@code 1/(y+α_w) + 1/(y'+α_w)}.
 *
 * <p><b>Salience</b>: hits per 10,000 tokens of the voice.
 *
 * <p><b>Intervals</b>: 95% percentile intervals (type 7, as numpy's default) of the statistic
 * over Poisson bootstrap replicates that resample articles, not tokens, since the hits inside
 * one article are not independent (see {@link PoissonWeights}). The prior's π stays fixed. A
 * statistic drawn from fewer than two articles gets no interval (null): one article cannot show
 * its own variability, and its replicates would only repeat it.
 */
public final class Stats {
  private Stats() {}

  /** The corpus share of pole a, smoothed by half a hit so it is never 0 or 1. */
  public static double corpusShare(long a, long b) {
    return (a + 0.5) / (a + b + 1.0);
  }

  public static double preference(double a, double b, double prior, double share) {
    return 2 * (a + prior * share) / (a + b + prior) - 1;
  }

  /** Fightin' Words z of pole a vs pole b, source against the rest. */
  public static double zAxis(long a, long b, long restA, long restB, double prior, double share) {
    double pa = prior * share;
    double pb = prior * (1 - share);
    double delta = Math.log((a + pa) / (b + pb)) - Math.log((restA + pa) / (restB + pb));
    double var = 1 / (a + pa) + 1 / (b + pb) + 1 / (restA + pa) + 1 / (restB + pb);
    return delta / Math.sqrt(var);
  }

  /**
   * Fightin' Words z of one word (count {@code y} in {@code n} tokens) in the source against the
   * rest ({@code y2} in {@code n2}), with prior total {@code a0} and the word's prior {@code aw}.
   */
  public static Double zWord(long y, long n, long y2, long n2, double a0, double aw) {
    double o1 = n + a0 - y - aw;
    double o2 = n2 + a0 - y2 - aw;
    if (o1 <= 0 || o2 <= 0) {
      return null;
    }
    double delta = Math.log((y + aw) / o1) - Math.log((y2 + aw) / o2);
    return delta / Math.sqrt(1 / (y + aw) + 1 / (y2 + aw));
  }

  /** The 2.5th and 97.5th percentiles of {@code values}, or nulls when there are none. */
  public static Double[] interval(double[] values, int n) {
    if (n == 0) {
      return new Double[] {null, null};
    }
    double[] v = java.util.Arrays.copyOf(values, n);
    Percentile p = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    p.setData(v);
    return new Double[] {p.evaluate(2.5), p.evaluate(97.5)};
  }
}
