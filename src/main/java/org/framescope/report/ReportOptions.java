package org.framescope.report;

import java.io.Serializable;

/**
 * What a report, the console summary and the notebooks show of a list of sources.
 *
 * @param top how many sources each end of a ranked list shows (the strongest leaning each way)
 * @param allSources every source, reliable or not, instead of the strongest {@code top} at each
 *     end
 */
public record ReportOptions(int top, boolean allSources) implements Serializable {
  public static final int DEFAULT_TOP = 10;
  public static final ReportOptions DEFAULT = new ReportOptions(DEFAULT_TOP, false);

  public ReportOptions {
    if (top < 1) {
      throw new IllegalArgumentException("--top must be at least 1 (was " + top + ")");
    }
  }
}
