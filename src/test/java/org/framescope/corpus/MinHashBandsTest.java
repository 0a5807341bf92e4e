package org.framescope.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MinHashBandsTest {
  private static final MinHashBands BANDS = new MinHashBands(new int[0], 32, 2, 7L);

  /** Two sets of 200 shingles sharing {@code common} of them: Jaccard common / (400 - common). */
  private static int[][] pair(SplittableRandom r, int common) {
    int[] x = new int[200];
    int[] y = new int[200];
    for (int i = 0; i < 200; i++) {
      x[i] = r.nextInt(Integer.MAX_VALUE);
      y[i] = i < common ? x[i] : r.nextInt(Integer.MAX_VALUE);
    }
    return new int[][] {x, y};
  }

  private static boolean shareABand(long[] p, long[] q) {
    for (int i = 0; i < p.length; i++) {
      if (p[i] == q[i]) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theSameSetInAnyOrderHasTheSameKeysAndEveryBandHasOne() {
    int[] set = {5, 17, 3_000_000, 42, 2_000_000_000};
    int[] shuffled = {2_000_000_000, 42, 5, 3_000_000, 17};
    assertThat(BANDS.keys(set)).hasSize(32).containsExactly(BANDS.keys(shuffled));
    assertThat(new MinHashBands(new int[0], 32, 2, 7L).keys(set))
        .as("same seed, same keys").containsExactly(BANDS.keys(set));
    assertThat(new MinHashBands(new int[0], 32, 2, 8L).keys(set))
        .as("another seed").isNotEqualTo(BANDS.keys(set));
  }

  @Test
  void theShareOfPairsThatAreCandidatesFollowsTheBandingCurve() {
    SplittableRandom r = new SplittableRandom(11);
    // Jaccard 0.5 (133 of 200 shared: 133/267), 0.2 (67/333) and 0.01 (4/396).
    int[][] cases = {{133, 1000}, {67, 1000}, {4, 1000}};
    double[] expected = new double[3];
    double[] seen = new double[3];
    for (int c = 0; c < cases.length; c++) {
      double j = cases[c][0] / (400.0 - cases[c][0]);
      expected[c] = 1 - Math.pow(1 - j * j, 32);
      int hits = 0;
      for (int t = 0; t < cases[c][1]; t++) {
        int[][] p = pair(r, cases[c][0]);
        if (shareABand(BANDS.keys(p[0]), BANDS.keys(p[1]))) {
          hits++;
        }
      }
      seen[c] = hits / (double) cases[c][1];
    }
    // expected 0.99990, 0.73, 0.0032; 1,000 trials each: a binomial sd of at most 0.016
    assertThat(seen[0]).isGreaterThan(0.99);
    assertThat(seen[1]).isBetween(expected[1] - 0.06, expected[1] + 0.06);
    assertThat(seen[2]).isLessThan(0.02);
  }

  @Test
  void commonShinglesDoNotEnterTheKeys() {
    int[] stock = IntStream.range(0, 50).map(i -> 1_000 + i).toArray();
    MinHashBands bands = new MinHashBands(stock, 32, 2, 7L);
    int[] a = IntStream.concat(IntStream.of(stock), IntStream.of(1, 2, 3)).toArray();
    int[] b = IntStream.concat(IntStream.of(stock), IntStream.of(7, 8, 9)).toArray();
    assertThat(shareABand(BANDS.keys(a), BANDS.keys(b)))
        .as("without the stock list, 50 shared of 56: candidates").isTrue();
    assertThat(shareABand(bands.keys(a), bands.keys(b))).isFalse();
    assertThat(bands.keys(new int[] {1, 2, 3})).containsExactly(bands.keys(a));
  }

  @Test
  void theFoldedModuloIsTheModulo() {
    SplittableRandom r = new SplittableRandom(3);
    long p = Integer.MAX_VALUE;
    for (long v : new long[] {0, 1, p - 1, p, p + 1, 2 * p, (p - 1) * (p - 1) + p - 1}) {
      assertThat(MinHashBands.mod(v)).as("%d", v).isEqualTo(v % p);
    }
    for (int i = 0; i < 100_000; i++) {
      long v = r.nextLong(p) * r.nextLong(p) + r.nextLong(p);
      assertThat(MinHashBands.mod(v)).isEqualTo(v % p);
    }
  }

  @Test
  void aSetOfOnlyCommonShinglesOrNoneHasNoKeys() {
    MinHashBands bands = new MinHashBands(new int[] {9, 4}, 32, 2, 7L);
    assertThat(bands.keys(new int[] {4, 9})).isEmpty();
    assertThat(bands.keys(new int[0])).isEmpty();
    assertThatThrownBy(() -> new MinHashBands(new int[0], 0, 2, 7L))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
