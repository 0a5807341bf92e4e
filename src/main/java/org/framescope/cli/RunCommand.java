package org.framescope.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code framescope run}: the whole pipeline. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the whole pipeline (ingest, features, sentiment, score) on a corpus; with no options, on "
        + "the sample corpus into out/.")
final class RunCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin IngestOptions ingest;
  @Mixin FeaturesOptions features;
  @Mixin ScoringCliOptions scoring;

  @Override
  public Integer call() {
    return StageRunner.run("run", main.master, ingest, features, scoring, null, ingest.output,
        ingest.overwrite, System.out);
  }
}
