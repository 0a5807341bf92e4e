package org.framescope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code framescope run}: the whole pipeline; today that is ingest. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline (ingest) on a corpus; with no options, on the sample "
        + "corpus into out/.")
final class RunCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin IngestOptions options;

  @Override
  public Integer call() {
    return StageRunner.ingestAndPublish("run", main.master, options, System.out);
  }
}
