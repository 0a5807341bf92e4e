package org.framescope.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.framescope.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code framescope report}: report.html from any complete output. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write report.html, one self-contained page of the run's tables and charts, "
        + "into a complete output folder (run, ingest, features and score write it too).")
final class ReportCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin DisplayOptions display;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "${env:FRAMESCOPE_HOME:-.}/out",
      description = "The output folder of an earlier run (default: ${DEFAULT-VALUE}).")
  String output;

  @Override
  public Integer call() {
    var options = display.display();
    SparkSession spark = Sessions.start("report", main.master);
    System.out.println("report: " + Pipeline.report(spark, output, options));
    return 0;
  }
}
