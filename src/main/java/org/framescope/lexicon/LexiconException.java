package org.framescope.lexicon;

/** A lexicon file that cannot be used: the message names the file, the line and the problem. */
public final class LexiconException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public LexiconException(String origin, int line, String problem) {
    super("lexicon " + origin + (line > 0 ? " line " + line : "") + ": " + problem);
  }
}
