package org.framescope.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.framescope.scoring.ScoringOptions;
import picocli.CommandLine.Option;

/** The options of the scoring stage, shared by {@code score} and {@code run}. */
final class ScoringCliOptions {
  private static final ScoringOptions D = ScoringOptions.defaults();

  @Option(names = "--prior-strength", paramLabel = "HITS", defaultValue = "10",
      description = "Weight, in hits, of the corpus-wide share each preference is smoothed "
          + "toward; also the Dirichlet prior's total in the z-scores (default: ${DEFAULT-VALUE}).")
  double priorStrength = D.priorStrength();

  @Option(names = "--bootstrap", paramLabel = "R", defaultValue = "200",
      description = "Bootstrap replicates for the intervals (default: ${DEFAULT-VALUE}).")
  int replicates = D.replicates();

  @Option(names = "--seed", paramLabel = "S", defaultValue = "20180911",
      description = "Seed of the bootstrap: the same seed gives the same intervals "
          + "(default: ${DEFAULT-VALUE}).")
  long seed = D.seed();

  @Option(names = "--min-hits", paramLabel = "N", defaultValue = "10",
      description = "Hits a row needs to be reliable (default: ${DEFAULT-VALUE}).")
  long minHits = D.minHits();

  @Option(names = "--min-articles", paramLabel = "N", defaultValue = "3",
      description = "Distinct articles with hits a row needs to be reliable "
          + "(default: ${DEFAULT-VALUE}).")
  long minArticles = D.minArticles();

  @Option(names = "--keyness-prior", paramLabel = "X", defaultValue = "1000",
      description = "Total of the Dirichlet prior of the keyness z-scores, in tokens "
          + "(default: ${DEFAULT-VALUE}).")
  double keynessPrior = D.keynessPrior();

  @Option(names = "--keyness-top", paramLabel = "N", defaultValue = "50",
      description = "Terms listed each way per source (default: ${DEFAULT-VALUE}).")
  int keynessTop = D.keynessTop();

  ScoringOptions check() {
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
    return new ScoringOptions(priorStrength, replicates, seed, minHits, minArticles,
        keynessPrior, keynessTop);
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("prior_strength", priorStrength);
    m.put("bootstrap", replicates);
    m.put("seed", seed);
    m.put("min_hits", minHits);
    m.put("min_articles", minArticles);
    m.put("keyness_prior", keynessPrior);
    m.put("keyness_top", keynessTop);
    return m;
  }
}
