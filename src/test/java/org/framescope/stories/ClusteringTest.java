package org.framescope.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClusteringTest {
  @Test
  void adjustedRandIndexOfKnownPartitions() {
    long[] truth = {0, 0, 0, 1, 1, 1};
    assertThat(Clustering.adjustedRandIndex(truth, new long[] {5, 5, 5, 7, 7, 7})).isEqualTo(1.0);
    // sklearn's documented example: [0, 0, 1, 1] against [0, 0, 1, 2] is 0.5714...
    assertThat(Clustering.adjustedRandIndex(new long[] {0, 0, 1, 1}, new long[] {0, 0, 1, 2}))
        .isCloseTo(0.5714285714, within(1e-9));
    // Every item alone against two groups: worse than chance is not possible here, it is 0.
    assertThat(Clustering.adjustedRandIndex(truth, new long[] {0, 1, 2, 3, 4, 5})).isZero();
  }
}
