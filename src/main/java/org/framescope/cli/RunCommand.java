package org.framescope.cli;

import java.util.concurrent.Callable;
import org.framescope.pipeline.Pipeline;
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
  @Mixin PipelineDisplayOptions display;

  @Override
  public Integer call() {
    return ConsoleReport.run(main.master, Pipeline.Plan.run(ingest.settings(),
        features.settings(), scoring.settings(), ingest.output, ingest.overwrite)
        .withReport(display.report()), display.display(), System.out);
  }
}
