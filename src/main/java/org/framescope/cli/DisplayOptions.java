package org.framescope.cli;

import org.framescope.report.ReportOptions;
import picocli.CommandLine.Option;

/** How many sources the console summary and the report show: a mixin. */
class DisplayOptions {
  @Option(names = "--top", paramLabel = "N", defaultValue = "" + ReportOptions.DEFAULT_TOP,
      description = "Sources shown at each end of a ranked list (the strongest N each way) in "
          + "the summary and the report, when there are more than 2N (default: "
          + "${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--all-sources",
      description = "Show every source, reliable or not, in the summary and the report.")
  boolean allSources;

  ReportOptions display() {
    return new ReportOptions(top, allSources);
  }
}
