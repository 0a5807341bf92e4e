package org.framescope.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The default tokenizer: one pass over the characters, no regular expressions, no allocation
 * beyond the tokens. See {@link Token} for what a token is.
 *
 * <p>Written here rather than taken from java.text.BreakIterator or ICU: their word iterators
 * give the same word spans on news text but need a second pass to classify each span and to
 * split hyphenated compounds, and cost several times more per character (see the benchmark
 * command). Hyphen handling and possessives are rules this project needs anyway.
 */
public final class Tokenizer {
  private Tokenizer() {}

  /** The tokens of {@code text[from, to)}. */
  public static List<Token> tokenize(String text, int from, int to) {
    List<Token> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        i++;
        continue;
      }
      if (isWordChar(text, i)) {
        int start = i;
        i += Character.charCount(text.codePointAt(i));
        while (i < to) {
          if (isWordChar(text, i)) {
            i += Character.charCount(text.codePointAt(i));
          } else if (isApostrophe(text.charAt(i)) && i + 1 < to && isWordChar(text, i + 1)) {
            i++;
          } else {
            break;
          }
        }
        int end = i;
        // A trailing apostrophe of a plural possessive ("rebels'") belongs to the word.
        if (i < to && isApostrophe(text.charAt(i)) && (i + 1 >= to || !isWordChar(text, i + 1))
            && (text.charAt(i - 1) == 's' || text.charAt(i - 1) == 'S')) {
          end = ++i;
        }
        out.add(new Token(start, end, normalise(text.substring(start, end)), true));
        continue;
      }
      int len = Character.charCount(text.codePointAt(i));
      String p = text.substring(i, i + len);
      out.add(new Token(i, i + len, isHyphenChar(c) ? Token.HYPHEN : p, false));
      i += len;
    }
    return out;
  }

  public static List<Token> tokenize(String text) {
    return tokenize(text, 0, text.length());
  }

  /** The normal form of one word: see {@link Token#norm()}. */
  public static String normalise(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.indexOf('\u2019') >= 0 || w.indexOf('\u2018') >= 0 || w.indexOf('\u02BC') >= 0) {
      w = w.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02BC', '\'');
    }
    if (w.endsWith("'s") && w.length() > 2) {
      return w.substring(0, w.length() - 2);
    }
    if (w.endsWith("'") && w.length() > 1) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  static boolean isWordChar(String s, int i) {
    int cp = s.codePointAt(i);
    return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
        || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
  }

  static boolean isApostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\u02BC';
  }

  static boolean isHyphenChar(char c) {
    return c == '-' || c == '\u2010' || c == '\u2011';
  }
}
