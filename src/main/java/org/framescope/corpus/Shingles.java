package org.framescope.corpus;

import java.util.Arrays;
import java.util.Locale;

/**
 * The word shingles of a text: its runs of {@code k} consecutive words, lower-cased, words being
 * the runs of letters and numbers (everything else separates them), each run hashed to 31 bits.
 *
 * <p>Written by hand rather than as Spark ML's {@code split} + {@code NGram} + {@code HashingTF}:
 * those build a string per shingle and a sparse vector with a value per index: on 200,000
 * generated articles (2 cores) tokenizing, shingling and storing the sets took 90 s that way and
 * 22 s this way. Here each word is hashed once and a shingle's hash is mixed from its words'.
 */
public final class Shingles {
  private Shingles() {}

  /**
   * A text's shingles: {@code hashes} distinct and sorted, {@code runs} the number of k-word runs
   * (repeats counted), its length in shingles.
   */
  public record Set(int[] hashes, int runs) {}

  /** The shingles of {@code text}: none when it has fewer than k words. */
  public static Set of(String text, int k) {
    long[] words = wordHashes(text);
    int n = words.length - k + 1;
    if (n <= 0) {
      return new Set(new int[0], 0);
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      long h = 0x9E3779B97F4A7C15L;
      for (int j = 0; j < k; j++) {
        h = mix(h ^ words[i + j]);
      }
      // in [0, 2^31 - 1): the domain of MinHashBands
      out[i] = (int) ((h >>> 1) % Integer.MAX_VALUE);
    }
    Arrays.sort(out);
    int distinct = 0;
    for (int i = 0; i < out.length; i++) {
      if (i == 0 || out[i] != out[i - 1]) {
        out[distinct++] = out[i];
      }
    }
    return new Set(Arrays.copyOf(out, distinct), n);
  }

  private static long[] wordHashes(String text) {
    if (text == null) {
      return new long[0];
    }
    String s = text.toLowerCase(Locale.ROOT);
    long[] words = new long[16];
    int n = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!isWordChar(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      long h = 0xCBF29CE484222325L;
      while (i < s.length()) {
        cp = s.codePointAt(i);
        if (!isWordChar(cp)) {
          break;
        }
        h = (h ^ cp) * 0x100000001B3L;
        i += Character.charCount(cp);
      }
      if (n == words.length) {
        words = Arrays.copyOf(words, n * 2);
      }
      words[n++] = mix(h);
    }
    return Arrays.copyOf(words, n);
  }

  /** Letters and numbers, as the regular expression classes \p{L} and \p{N}. */
  static boolean isWordChar(int cp) {
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  /** SplitMix64's finalizer. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
