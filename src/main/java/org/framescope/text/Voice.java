package org.framescope.text;

import org.framescope.schema.TermHitsTable;

/**
 * Whose words a token is: the outlet's, in its headline or its body; someone's it reports without
 * quote marks ({@link Attribution}); or someone's it quotes. {@link VoicedText} gives every token
 * its voice; the tables carry {@link #code()}.
 */
public enum Voice {
  HEADLINE(TermHitsTable.VOICE_HEADLINE),
  OUTLET(TermHitsTable.VOICE_OUTLET),
  REPORTED(TermHitsTable.VOICE_REPORTED),
  QUOTED(TermHitsTable.VOICE_QUOTED);

  private final String code;

  Voice(String code) {
    this.code = code;
  }

  /** The name the tables use. */
  public String code() {
    return code;
  }

  /** Whether these are the outlet's own words (headline or body, neither quoted nor reported). */
  public boolean isOwn() {
    return this == HEADLINE || this == OUTLET;
  }
}
