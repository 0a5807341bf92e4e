package org.framescope.stories;

import java.util.HashMap;
import java.util.Map;

/** Agreement of two clusterings. */
final class Clustering {
  private Clustering() {}

  /**
   * The adjusted Rand index of two labellings of the same items (Hubert & Arabie, "Comparing
   * partitions", Journal of Classification 2, 1985): 1 when they agree, about 0 by chance.
   */
  static double adjustedRandIndex(long[] a, long[] b) {
    Map<Long, Long> rows = new HashMap<>();
    Map<Long, Long> cols = new HashMap<>();
    Map<String, Long> cells = new HashMap<>();
    for (int i = 0; i < a.length; i++) {
      rows.merge(a[i], 1L, Long::sum);
      cols.merge(b[i], 1L, Long::sum);
      cells.merge(a[i] + "/" + b[i], 1L, Long::sum);
    }
    double index = cells.values().stream().mapToDouble(Clustering::pairs).sum();
    double sumA = rows.values().stream().mapToDouble(Clustering::pairs).sum();
    double sumB = cols.values().stream().mapToDouble(Clustering::pairs).sum();
    double expected = sumA * sumB / pairs(a.length);
    double max = (sumA + sumB) / 2;
    return max == expected ? 1 : (index - expected) / (max - expected);
  }

  private static double pairs(long n) {
    return n * (n - 1) / 2.0;
  }
}
