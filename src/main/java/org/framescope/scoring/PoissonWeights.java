package org.framescope.scoring;

/**
 * The Poisson bootstrap's weights, derived rather than drawn: article {@code a}'s weight in
 * replicate {@code r} is a Poisson(1) variate computed from a hash of the article's id, the
 * replicate and the seed. Nothing is stored per replicate, every executor computes the same weight
 * for the same article, and a rerun gives the same intervals.
 *
 * <p>Resampling articles with Poisson(1) weights approximates the multinomial bootstrap of
 * articles (Hanley & MacGibbon, "Creating non-parametric bootstrap samples using Poisson
 * frequencies", Computer Methods and Programs in Biomedicine, 2006; Chamandy et al., "Estimating
 * uncertainty for massive data streams", Google, 2012), and needs no count of the articles in
 * advance, so it runs in one streaming pass.
 */
public final class PoissonWeights {
  /** P(X <= k) for X ~ Poisson(1), k = 0..9; beyond 9 the remaining mass is below 1e-7. */
  private static final double[] CDF = new double[10];

  static {
    double p = Math.exp(-1);
    double c = 0;
    for (int k = 0; k < CDF.length; k++) {
      c += p;
      CDF[k] = c;
      p /= (k + 1);
    }
  }

  private PoissonWeights() {}

  /** The weight of the article whose id hashes to {@code articleHash}, in replicate {@code r}. */
  public static int weight(long articleHash, int replicate) {
    long h = mix(articleHash + 0x9E3779B97F4A7C15L * (replicate + 1L));
    double u = (h >>> 11) * 0x1.0p-53;
    int k = 0;
    while (k < CDF.length && u > CDF[k]) {
      k++;
    }
    return k;
  }

  /** SplitMix64's finaliser (Steele, Lea & Flood 2014): a bijective 64-bit mix. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
