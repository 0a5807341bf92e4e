package org.framescope.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void preferenceIsShrunkTowardTheCorpusShare() {
    // Three hits, all pole a, corpus share 0.5, prior 10: p = (3 + 5) / 13.
    assertThat(Stats.preference(3, 0, 10, 0.5)).isCloseTo(2 * 8.0 / 13 - 1, within(1e-12));
    assertThat(Stats.preference(3, 0, 10, 0.5)).isLessThan(0.25);
    // Many hits: the source's own share wins.
    assertThat(Stats.preference(900, 100, 10, 0.5)).isCloseTo(2 * 905.0 / 1010 - 1, within(1e-12));
    // No hits: the corpus share itself.
    assertThat(Stats.preference(0, 0, 10, 0.3)).isCloseTo(-0.4, within(1e-12));
  }

  @Test
  void corpusShareIsNeverZeroOrOne() {
    assertThat(Stats.corpusShare(0, 0)).isEqualTo(0.5);
    assertThat(Stats.corpusShare(0, 9)).isEqualTo(0.05);
    assertThat(Stats.corpusShare(9, 0)).isEqualTo(0.95);
  }

  @Test
  void fightinWordsZ() {
    // A source like the rest has z = 0; swapping the poles flips the sign.
    assertThat(Stats.zAxis(50, 50, 500, 500, 10, 0.5)).isCloseTo(0, within(1e-12));
    double z = Stats.zAxis(80, 20, 500, 500, 10, 0.5);
    double delta = Math.log(85.0 / 25) - Math.log(505.0 / 505);
    double sd = Math.sqrt(1 / 85.0 + 1 / 25.0 + 1 / 505.0 + 1 / 505.0);
    assertThat(z).isCloseTo(delta / sd, within(1e-12)).isGreaterThan(5);
    assertThat(Stats.zAxis(20, 80, 500, 500, 10, 0.5)).isCloseTo(-z, within(1e-12));
    // A word used at the rest's rate scores near 0; one used far more, high.
    assertThat(Stats.zWord(10, 10_000, 100, 100_000, 1000, 1000 * 110 / 110_000.0))
        .isCloseTo(0, within(0.05));
    assertThat(Stats.zWord(100, 10_000, 100, 100_000, 1000, 1000 * 200 / 110_000.0))
        .isGreaterThan(8);
  }

  @Test
  void percentileIntervalIsNumpysDefault() {
    double[] v = new double[101];
    for (int i = 0; i <= 100; i++) {
      v[i] = i;
    }
    Double[] ci = Stats.interval(v, 101);
    assertThat(ci[0]).isCloseTo(2.5, within(1e-12));
    assertThat(ci[1]).isCloseTo(97.5, within(1e-12));
    assertThat(Stats.interval(v, 0)).containsExactly(null, null);
  }

  @Test
  void poissonWeightsAreDeterministicWithMeanAndVarianceOne() {
    long n = 0;
    double sum = 0;
    double sumSq = 0;
    for (long a = 0; a < 2000; a++) {
      for (int r = 0; r < 100; r++) {
        int w = PoissonWeights.weight(a * 7919, r);
        assertThat(PoissonWeights.weight(a * 7919, r)).isEqualTo(w);
        n++;
        sum += w;
        sumSq += (double) w * w;
      }
    }
    double mean = sum / n;
    assertThat(mean).isCloseTo(1.0, within(0.01));
    assertThat(sumSq / n - mean * mean).isCloseTo(1.0, within(0.02));
  }
}
