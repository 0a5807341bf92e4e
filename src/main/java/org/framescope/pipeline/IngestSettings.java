package org.framescope.pipeline;

import org.framescope.corpus.Boilerplate;
import org.framescope.corpus.Duplicates;
import org.framescope.corpus.FieldMapping;
import org.framescope.corpus.InputFormat;

/**
 * The ingest stage's settings, checked: what the command line's options become, and what
 * run.json records under {@code options.ingest}.
 *
 * @param input the corpus: a file, folder or glob on any Hadoop file system
 * @param format the input format, or null to infer it from the path
 * @param map the canonical fields read from other columns
 * @param dedup where to look for copies, and the near-duplicate thresholds
 * @param boilerplate the thresholds for lines that recur across a source's articles
 * @param onUnreadableFile whether an input file that cannot be read stops the job or is skipped
 *     (and recorded in rejects)
 */
public record IngestSettings(String input, InputFormat format, FieldMapping map,
    Duplicates.Options dedup, Boilerplate.Options boilerplate, OnUnreadable onUnreadableFile) {

  /** What an unreadable input file does. */
  public enum OnUnreadable {
    FAIL, SKIP;

    @com.fasterxml.jackson.annotation.JsonValue
    public String cliName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses {@code fail} or {@code skip}; throws naming the option otherwise. */
    public static OnUnreadable parse(String s) {
      for (OnUnreadable o : values()) {
        if (o.cliName().equals(s)) {
          return o;
        }
      }
      throw new IllegalArgumentException("--on-unreadable-file must be fail or skip, got '" + s
          + "'");
    }
  }

  public IngestSettings {
    requireShare("--near-dup-containment", dedup.minContainment());
    requireShare("--near-dup-min-jaccard", dedup.minJaccard());
    requireShare("--boilerplate-min-share", boilerplate.minShare());
    if (boilerplate.minArticles() < 2) {
      throw new IllegalArgumentException(
          "--boilerplate-min-articles must be at least 2, got " + boilerplate.minArticles());
    }
  }

  /** The defaults for {@code input} (the thresholds' defaults are their own classes'). */
  public static IngestSettings defaults(String input) {
    return new IngestSettings(input, null, FieldMapping.identity(),
        Duplicates.Options.defaults(), Boilerplate.Options.defaults(), OnUnreadable.FAIL);
  }

  private static void requireShare(String option, double v) {
    if (!(v > 0 && v <= 1)) {
      throw new IllegalArgumentException(option + " must be in (0, 1], got " + v);
    }
  }
}
