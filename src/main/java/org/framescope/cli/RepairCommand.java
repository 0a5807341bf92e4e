package org.framescope.cli;

import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.framescope.io.OutputFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Finishes what a crash interrupted in an output folder, without Spark: a publishing left
 * half-way is completed from its journal, staging areas of runs that never published are removed,
 * and a lock left by a run that no longer runs is taken over and released. The next run does
 * the same on its own; this is for readers of the output who will not run again.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
    description = "Finish what a crash interrupted in an output folder (no Spark).")
final class RepairCommand implements Callable<Integer> {
  @Option(names = "--output", paramLabel = "DIR", defaultValue = "${env:FRAMESCOPE_HOME:-.}/out",
      description = "The framescope output to repair (default: ${DEFAULT-VALUE}).")
  String output;

  @Override
  public Integer call() {
    String done = OutputFolder.repair(new Configuration(), output);
    System.out.println("framescope repair: " + (done == null ? "nothing to repair in " + output
        : done));
    return 0;
  }
}
