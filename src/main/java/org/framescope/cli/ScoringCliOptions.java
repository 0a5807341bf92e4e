package org.framescope.cli;

import org.framescope.scoring.ScoringOptions;
import picocli.CommandLine.Option;

/**
 * The options of the scoring stage, shared by {@code score} and {@code run}. Their defaults are
 * {@link ScoringOptions#defaults}'s.
 */
final class ScoringCliOptions {
  private static final ScoringOptions D = ScoringOptions.defaults();

  @Option(names = "--prior-strength", paramLabel = "HITS",
      description = "Weight, in hits, of the corpus-wide share each preference is smoothed "
          + "toward; also the Dirichlet prior's total in the z-scores (default: ${DEFAULT-VALUE}).")
  double priorStrength = D.priorStrength();

  @Option(names = "--bootstrap", paramLabel = "R",
      description = "Bootstrap replicates for the intervals (default: ${DEFAULT-VALUE}).")
  int replicates = D.replicates();

  @Option(names = "--seed", paramLabel = "S",
      description = "Seed of the bootstrap: the same seed gives the same intervals "
          + "(default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--min-hits", paramLabel = "N",
      description = "Hits a row needs to be reliable (default: ${DEFAULT-VALUE}).")
  long minHits = D.minHits();

  @Option(names = "--min-articles", paramLabel = "N",
      description = "Distinct articles with hits a row needs to be reliable "
          + "(default: ${DEFAULT-VALUE}).")
  long minArticles = D.minArticles();

  @Option(names = "--keyness-prior", paramLabel = "X",
      description = "Total of the Dirichlet prior of the keyness z-scores, in tokens "
          + "(default: ${DEFAULT-VALUE}).")
  double keynessPrior = D.keynessPrior();

  @Option(names = "--keyness-top", paramLabel = "N",
      description = "Terms listed each way per source (default: ${DEFAULT-VALUE}).")
  int keynessTop = D.keynessTop();

  /** The checked settings; throws naming the option when one is bad. */
  ScoringOptions settings() {
    return new ScoringOptions(priorStrength, replicates, seed, minHits, minArticles,
        keynessPrior, keynessTop);
  }
}
