package org.framescope.corpus;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Banded MinHash signatures of shingle sets: {@code bands × rows} min-hashes, grouped into bands
 * of {@code rows}; two sets share a band key when they agree on every min-hash of that band. A
 * pair with Jaccard similarity J shares at least one of b bands of r rows with probability
 * 1-(1-J^r)^b: with 48 bands of 2 rows, 1.00 at J=0.5, 0.99 at 0.3, 0.86 at 0.2, 0.005 at 0.01.
 *
 * <p>Spark's {@code MinHashLSH} amplifies with OR only (one min-hash per table): a pair is a
 * candidate with probability about 10·J for small J, and texts that share stock phrases (J near
 * 0.04 for two unrelated articles of one generated source) made a third of all same-source pairs
 * candidates (3.2 million of 10 million at 20,000 articles). Bands of two rows bring that to
 * J², and the common shingles a {@link MinHashBands} is built with are left out of the
 * signatures. It also fails on an empty set; here an empty set has no band keys.
 *
 * <p>The hashes are h(x) = (a·x + b) mod (2^31 - 1) over shingle indices below 2^31 - 1, with
 * a and b drawn from the seed: the same keys on every executor and in every run.
 */
public final class MinHashBands implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long PRIME = Integer.MAX_VALUE; // 2^31 - 1

  private final int[] common;
  private final int bands;
  private final int rows;
  private final long[] a;
  private final long[] b;

  /**
   * @param common sorted shingle indices left out of every signature
   */
  public MinHashBands(int[] common, int bands, int rows, long seed) {
    if (bands < 1 || rows < 1) {
      throw new IllegalArgumentException("bands and rows must be positive");
    }
    this.common = common.clone();
    Arrays.sort(this.common);
    this.bands = bands;
    this.rows = rows;
    SplittableRandom r = new SplittableRandom(seed);
    this.a = new long[bands * rows];
    this.b = new long[bands * rows];
    for (int k = 0; k < a.length; k++) {
      a[k] = 1 + r.nextLong(PRIME - 1);
      b[k] = r.nextLong(PRIME);
    }
  }

  /**
   * One key per band for the set {@code shingles} (indices in [0, 2^31 - 1), sorted or not), or
   * none when nothing is left once the common shingles are taken out.
   */
  public long[] keys(int[] shingles) {
    long[] min = new long[a.length];
    Arrays.fill(min, Long.MAX_VALUE);
    boolean any = false;
    for (int x : shingles) {
      if (Arrays.binarySearch(common, x) >= 0) {
        continue;
      }
      any = true;
      for (int k = 0; k < min.length; k++) {
        long h = mod(a[k] * x + b[k]);
        if (h < min[k]) {
          min[k] = h;
        }
      }
    }
    if (!any) {
      return new long[0];
    }
    long[] keys = new long[bands];
    for (int band = 0; band < bands; band++) {
      long key = 0x9E3779B97F4A7C15L;
      for (int row = 0; row < rows; row++) {
        key = mix(key ^ min[band * rows + row]);
      }
      keys[band] = key;
    }
    return keys;
  }

  /** v mod 2^31 - 1 for 0 <= v < 2^63, by folding (no division). */
  static long mod(long v) {
    long r = (v & PRIME) + (v >>> 31);
    r = (r & PRIME) + (r >>> 31);
    return r >= PRIME ? r - PRIME : r;
  }

  /** SplitMix64's finalizer: a 64-bit mix with no fixed structure for similar inputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
