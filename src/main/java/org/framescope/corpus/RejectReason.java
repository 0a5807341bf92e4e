package org.framescope.corpus;

import java.util.Locale;

/** Why a record did not become an article; the code is what the rejects table stores. */
public enum RejectReason {
  /** The record could not be parsed (not a JSON object, a malformed CSV row). */
  UNPARSEABLE,
  /** No text field, or only white space. */
  MISSING_TEXT,
  /** Text was present but nothing was left once page furniture was removed. */
  NO_TEXT_AFTER_CLEANING,
  /** No source field, or only white space. */
  MISSING_SOURCE,
  /** Text format: the manifest lists a file that is not in the folder. */
  MISSING_FILE,
  /** Text format: a {@code .txt} file in the folder that the manifest does not list. */
  UNLISTED_FILE,
  /**
   * A whole input file that could not be read (corrupt, truncated, no permission), skipped with
   * {@code --on-unreadable-file skip}: one row per file, not per record.
   */
  UNREADABLE_FILE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
