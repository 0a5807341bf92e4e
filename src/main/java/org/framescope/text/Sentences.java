package org.framescope.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The default sentence splitter. A sentence ends at a line break, or at '.', '!' or '?' (with any
 * closing quotes or brackets after it) followed by white space and then an upper-case letter, a
 * digit or an opening quote — unless the word before the full stop is a known abbreviation
 * ("Mr.", "U.S.", "Sept.") or a single capital (an initial). Sentences are {@code [start, end)}
 * spans with no white space at either end.
 */
public final class Sentences {
  private static final Set<String> ABBREVIATIONS = Set.of(
      "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "lt", "col", "maj", "capt", "sgt",
      "cmdr", "adm", "sen", "rep", "gov", "pres", "amb", "rev", "hon", "no", "vol", "vs", "etc",
      "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
      "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.u", "e.g", "i.e", "a.m", "p.m", "d.c");

  private Sentences() {}

  /** Sentence spans of {@code text}, as pairs {@code {start, end}}. */
  public static List<int[]> split(String text) {
    List<int[]> out = new ArrayList<>();
    int n = text.length();
    int start = skipSpace(text, 0, n);
    int i = start;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        add(out, text, start, i);
        start = skipSpace(text, i + 1, n);
        i = start;
        continue;
      }
      if (c == '.' || c == '!' || c == '?') {
        int end = i + 1;
        while (end < n && (isClosing(text.charAt(end)) || text.charAt(end) == '.'
            || text.charAt(end) == '!' || text.charAt(end) == '?')) {
          end++;
        }
        if (end < n && text.charAt(end) == ' ' || end < n && text.charAt(end) == '\u00A0') {
          int next = skipInlineSpace(text, end, n);
          if (next < n && startsSentence(text.charAt(next))
              && !(c == '.' && isAbbreviation(text, i))) {
            add(out, text, start, end);
            start = next;
            i = next;
            continue;
          }
        }
        i = end;
        continue;
      }
      i++;
    }
    add(out, text, start, n);
    return out;
  }

  private static void add(List<int[]> out, String text, int start, int end) {
    int e = end;
    while (e > start && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (e > start) {
      out.add(new int[] {start, e});
    }
  }

  /** Whether a word, lower case, is an abbreviation a full stop after it does not end. */
  public static boolean isAbbreviation(String word) {
    return ABBREVIATIONS.contains(word);
  }

  private static boolean isAbbreviation(String text, int dot) {
    int j = dot;
    while (j > 0 && (Character.isLetter(text.charAt(j - 1)) || text.charAt(j - 1) == '.')) {
      j--;
    }
    String word = text.substring(j, dot);
    if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
      return true;
    }
    return ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  private static boolean startsSentence(char c) {
    return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201C'
        || c == '\'' || c == '\u2018' || c == '(' || c == '[' || c == '\u00AB'
        || Character.isLetter(c) && !Character.isLowerCase(c);
  }

  private static boolean isClosing(char c) {
    return c == '"' || c == '\u201D' || c == '\'' || c == '\u2019' || c == ')' || c == ']'
        || c == '\u00BB';
  }

  private static int skipSpace(String text, int i, int n) {
    while (i < n && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int skipInlineSpace(String text, int i, int n) {
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\u00A0')) {
      i++;
    }
    return i;
  }
}
