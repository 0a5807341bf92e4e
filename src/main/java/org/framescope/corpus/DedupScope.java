package org.framescope.corpus;

import java.util.Locale;

/** Where duplicates are looked for. */
public enum DedupScope {
  /** Copies within one source (a site's own republications); the default. */
  WITHIN_SOURCE,
  /** Copies anywhere in the corpus (wire stories carried by several outlets). */
  GLOBAL,
  /** No de-duplication: every article counts. */
  OFF;

  @com.fasterxml.jackson.annotation.JsonValue
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static DedupScope parse(String s) {
    for (DedupScope d : values()) {
      if (d.cliName().equals(s.toLowerCase(Locale.ROOT))) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "--dedup '" + s + "': expected within-source, global or off");
  }
}
