package org.framescope.lexicon;

import java.io.Serializable;
import java.util.List;

/**
 * One lexicon entry, compiled: the word forms it matches and the contexts it must not stand in.
 *
 * @param kind {@code axis}, {@code frame} or {@code actor}
 * @param name the axis, frame or actor
 * @param pole the axis pole; for a frame, the frame's name; for an actor, the actor's
 * @param text the entry as written in the lexicon
 * @param tokens the entry's token normal forms ({@link org.framescope.text.Token#norm()})
 * @param prefix for each token, whether it matches any word it begins ("terrorist*")
 * @param notAfter phrases (as token normal forms) that, right before a match, cancel it
 * @param notBefore phrases that, right after a match, cancel it
 * @param line the line of the lexicon file it was read from
 */
public record Entry(String kind, String name, String pole, String text, String[] tokens,
    boolean[] prefix, List<String[]> notAfter, List<String[]> notBefore, int line)
    implements Serializable {

  public static final String AXIS = "axis";
  public static final String FRAME = "frame";
  public static final String ACTOR = "actor";

  /** Whether any token of the entry is a prefix pattern. */
  public boolean hasPrefix() {
    for (boolean p : prefix) {
      if (p) {
        return true;
      }
    }
    return false;
  }

  /** The entry's tokens as one key, to find entries written twice. */
  String key() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < tokens.length; i++) {
      b.append(tokens[i]).append(prefix[i] ? "*" : "").append(' ');
    }
    return b.toString().strip();
  }
}
