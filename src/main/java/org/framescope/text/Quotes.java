package org.framescope.text;

import java.util.BitSet;

/**
 * Which characters of a text are inside a direct quotation.
 *
 * <p><b>Body text.</b> Double quotes, straight or curly (and guillemets), open and close a
 * quotation; it may run across commas and sentence ends. A straight quote opens when it follows
 * white space, an opening bracket or the start of a paragraph, and closes otherwise. A quotation
 * never runs past the end of its paragraph (a line): an unbalanced quote is closed there rather
 * than swallowing the rest of the article, and a quotation continued in the next paragraph is
 * found because newspapers open each continued paragraph with a new opening quote. A paragraph
 * that closes a quotation it never opened, right after a paragraph that ended inside one, is
 * quoted from its start. A short paragraph ending in a colon ("The Turkish FM told reporters:")
 * introduces a block quotation: the next paragraph is quoted whole.
 *
 * <p><b>Headlines.</b> The same double-quote rules, and single quotes too: headlines quote with
 * them ("UN Urges Putin To Help Avert 'Bloodbath'"). A single quote opens after white space or at
 * the start and closes before white space, punctuation or the end, so the apostrophe of "Syria's"
 * is neither.
 */
public final class Quotes {
  static final int BLOCK_INTRO_MAX_WORDS = 25;

  private Quotes() {}

  /** The quoted characters of body text. */
  public static BitSet inBody(String text) {
    BitSet quoted = new BitSet(text.length());
    int n = text.length();
    int lineStart = 0;
    boolean previousEndedOpen = false;
    boolean previousIntroducesBlock = false;
    while (lineStart <= n) {
      int lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) {
        lineEnd = n;
      }
      if (lineEnd > lineStart) {
        if (previousIntroducesBlock) {
          quoted.set(lineStart, lineEnd);
          previousEndedOpen = false;
        } else {
          previousEndedOpen = markLine(text, lineStart, lineEnd, quoted, false, previousEndedOpen);
        }
        previousIntroducesBlock = introducesBlock(text, lineStart, lineEnd);
      }
      lineStart = lineEnd + 1;
    }
    return quoted;
  }

  /** The quoted characters of a headline. */
  public static BitSet inHeadline(String title) {
    BitSet quoted = new BitSet(title.length());
    markLine(title, 0, title.length(), quoted, true, false);
    return quoted;
  }

  private enum Mark { OPEN, CLOSE, NONE }

  /** Marks one paragraph; returns whether it ended inside a quotation. */
  private static boolean markLine(String text, int from, int to, BitSet quoted,
      boolean singleQuotes, boolean continuesOpen) {
    int openAt = -1;
    boolean openedSingle = false;
    boolean sawQuote = false;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean isSingle;
      Mark mark;
      switch (c) {
        case '\u201C', '\u00AB', '\u201E' -> { isSingle = false; mark = Mark.OPEN; }
        case '\u201D', '\u00BB' -> { isSingle = false; mark = Mark.CLOSE; }
        case '"' -> { isSingle = false; mark = opensStraight(text, i, from) ? Mark.OPEN : Mark.CLOSE; }
        case '\'', '\u2018', '\u2019' -> {
          isSingle = true;
          mark = !singleQuotes ? Mark.NONE
              : c != '\u2019' && opensSingle(text, i, from, to) ? Mark.OPEN
              : c != '\u2018' && closesSingle(text, i, to) ? Mark.CLOSE
              : Mark.NONE;
        }
        default -> { isSingle = false; mark = Mark.NONE; }
      }
      if (mark == Mark.NONE) {
        continue;
      }
      if (openAt < 0) {
        if (mark == Mark.OPEN) {
          openAt = i;
          openedSingle = isSingle;
        } else if (!sawQuote && continuesOpen && !isSingle) {
          // Closes a quotation that the previous paragraph left open.
          quoted.set(from, i + 1);
        }
        sawQuote = true;
      } else if (mark == Mark.CLOSE && isSingle == openedSingle) {
        quoted.set(openAt, i + 1);
        openAt = -1;
      }
    }
    if (openAt >= 0) {
      quoted.set(openAt, to);
      return true;
    }
    return false;
  }

  private static boolean opensStraight(String text, int i, int lineStart) {
    if (i == lineStart) {
      return true;
    }
    char prev = text.charAt(i - 1);
    boolean nextIsText = i + 1 < text.length() && !Character.isWhitespace(text.charAt(i + 1));
    return nextIsText && (Character.isWhitespace(prev) || prev == '(' || prev == '['
        || prev == '\u2014' || prev == '\u2013' || prev == '-' || prev == ':');
  }

  private static boolean opensSingle(String text, int i, int from, int to) {
    boolean startOk = i == from || Character.isWhitespace(text.charAt(i - 1))
        || text.charAt(i - 1) == '(' || text.charAt(i - 1) == ':';
    return startOk && i + 1 < to && Character.isLetterOrDigit(text.charAt(i + 1));
  }

  private static boolean closesSingle(String text, int i, int to) {
    boolean prevOk = i > 0 && !Character.isWhitespace(text.charAt(i - 1));
    boolean endOk = i + 1 >= to || !Character.isLetterOrDigit(text.charAt(i + 1));
    return prevOk && endOk;
  }

  private static boolean introducesBlock(String text, int from, int to) {
    int end = to;
    while (end > from && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end == from || text.charAt(end - 1) != ':') {
      return false;
    }
    int words = 0;
    boolean inWord = false;
    for (int i = from; i < end; i++) {
      boolean ws = Character.isWhitespace(text.charAt(i));
      if (!ws && !inWord) {
        words++;
      }
      inWord = !ws;
    }
    return words <= BLOCK_INTRO_MAX_WORDS;
  }
}
