package org.framescope.report;

import java.util.Arrays;

/** The words around a match: what keyword-in-context lines are made of. */
public final class Kwic {
  private Kwic() {}

  /** The last {@code n} words of {@code s}. */
  public static String lastWords(String s, int n) {
    String[] words = s.strip().replace('\n', ' ').split("\\s+");
    int from = Math.max(0, words.length - n);
    return n == 0 ? "" : String.join(" ", Arrays.copyOfRange(words, from, words.length));
  }

  /** The first {@code n} words of {@code s}. */
  public static String firstWords(String s, int n) {
    String[] words = s.strip().replace('\n', ' ').split("\\s+");
    return n == 0 ? "" : String.join(" ", Arrays.copyOfRange(words, 0, Math.min(n, words.length)));
  }
}
