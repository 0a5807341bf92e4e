package org.framescope.text;

import java.io.Serializable;

/**
 * A token of a text: its span {@code [start, end)} in the text, and its normal form. Words are
 * runs of letters and digits, with apostrophes inside them ("don't", "Assad's"); a hyphen between
 * two words is a token of its own ("rebel", "-", "held"), so that "regime-controlled" holds the
 * word "regime" and an entry "rebel-held" still matches; any other non-space character is a
 * punctuation token, so that a phrase never matches across a comma.
 *
 * @param norm lower case, curly apostrophes made straight, a possessive "'s" or trailing "'"
 *     removed ("Assad’s" is "assad"); punctuation keeps its character
 */
public record Token(int start, int end, String norm, boolean isWord) implements Serializable {
  public static final String HYPHEN = "-";

  public boolean isHyphen() {
    return !isWord && HYPHEN.equals(norm);
  }
}
