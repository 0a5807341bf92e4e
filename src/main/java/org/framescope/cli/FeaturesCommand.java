package org.framescope.cli;

import java.util.concurrent.Callable;
import org.framescope.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code framescope features}: the articles of an earlier output in, lexicon hits out. */
@Command(name = "features", mixinStandardHelpOptions = true,
    description = "Find the lexicon's entries in the articles of an earlier output and write "
        + "the term_hits and article_stats tables beside them.")
final class FeaturesCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin FeaturesOptions features;
  @Mixin PipelineDisplayOptions display;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "${env:FRAMESCOPE_HOME:-.}/out",
      description = "The output folder of an earlier ingest or run (default: ${DEFAULT-VALUE}).")
  String output;

  @Override
  public Integer call() {
    return ConsoleReport.run(main.master, Pipeline.Plan.features(features.settings(), output)
        .withReport(display.report()), display.display(), System.out);
  }
}
