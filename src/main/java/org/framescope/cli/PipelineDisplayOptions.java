package org.framescope.cli;

import org.framescope.report.ReportOptions;
import picocli.CommandLine.Option;

/** The display options of a pipeline command, and whether it writes report.html: a mixin. */
class PipelineDisplayOptions extends DisplayOptions {
  @Option(names = "--no-report",
      description = "Write no report.html in the output folder (an earlier one is removed).")
  boolean noReport;

  /** The report to write, or null for none. */
  ReportOptions report() {
    return noReport ? null : display();
  }
}
