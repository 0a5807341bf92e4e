package org.framescope.scoring;

import java.io.Serializable;

/**
 * The scoring stage's settings, checked; run.json records them under {@code options.score}.
 *
 * @param priorStrength the weight, in hits, of the corpus-wide share that every preference is
 *     smoothed toward, and the Dirichlet prior's total of the z-scores (default 10: a source needs
 *     about ten hits before its own share counts as much as the corpus's)
 * @param replicates bootstrap replicates (default 200)
 * @param seed the bootstrap's seed: the same seed gives the same intervals
 * @param minHits hits a row needs to be reliable (default 10)
 * @param minArticles distinct articles with hits a row needs to be reliable (default 3)
 * @param keynessPrior the Dirichlet prior's total for keyness (default 1000 tokens)
 * @param keynessTop terms listed each way per source (default 50)
 */
public record ScoringOptions(double priorStrength, int replicates, long seed, long minHits,
    long minArticles, double keynessPrior, int keynessTop) implements Serializable {

  public static final int EVIDENCE = 5;

  public ScoringOptions {
    if (!(priorStrength > 0)) {
      throw new IllegalArgumentException("--prior-strength must be above 0, got " + priorStrength);
    }
    if (replicates < 20 || replicates > 10_000) {
      throw new IllegalArgumentException("--bootstrap must be from 20 to 10000, got " + replicates);
    }
    if (minHits < 0 || minArticles < 0) {
      throw new IllegalArgumentException("--min-hits and --min-articles must be 0 or more");
    }
    if (!(keynessPrior > 0) || keynessTop < 1) {
      throw new IllegalArgumentException(
          "--keyness-prior must be above 0 and --keyness-top at least 1");
    }
  }

  /** The defaults: the one place they are written (the command line's come from here). */
  public static ScoringOptions defaults() {
    return new ScoringOptions(10, 200, 20180911L, 10, 3, 1000, 50);
  }
}
