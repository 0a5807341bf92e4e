package org.framescope.corpus;

import java.util.Locale;

/** The corpus formats ingest reads. */
public enum InputFormat {
  JSONL, CSV, PARQUET, TEXT;

  /** The name used on the command line. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Infers the format from a path's extension, or {@code null} when it says nothing. A folder
   * holding a {@code manifest.csv} is a text corpus; that check needs the file system, so the
   * caller makes it.
   */
  public static InputFormat fromExtension(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    for (String compression : new String[] {".gz", ".bz2", ".deflate", ".zst", ".lz4", ".snappy"}) {
      if (p.endsWith(compression)) {
        p = p.substring(0, p.length() - compression.length());
      }
    }
    if (p.endsWith(".jsonl") || p.endsWith(".json") || p.endsWith(".ndjson")) {
      return JSONL;
    }
    if (p.endsWith(".csv") || p.endsWith(".tsv")) {
      return p.endsWith("manifest.csv") ? TEXT : CSV;
    }
    if (p.endsWith(".parquet")) {
      return PARQUET;
    }
    return null;
  }

  public static InputFormat parse(String name) {
    for (InputFormat f : values()) {
      if (f.cliName().equals(name.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '" + name + "' (expected jsonl, csv, parquet or text)");
  }
}
