package org.framescope.cli;

import java.util.concurrent.Callable;
import org.framescope.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code framescope score}: the feature tables of an earlier output in, per-source scores out. */
@Command(name = "score", mixinStandardHelpOptions = true,
    description = "Score each source from the feature and sentiment tables of an earlier output: "
        + "source_scores, actor_scores and source_keyness.")
final class ScoreCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin ScoringCliOptions scoring;
  @Mixin PipelineDisplayOptions display;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "${env:FRAMESCOPE_HOME:-.}/out",
      description = "The output folder of an earlier run or features (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--lexicon", paramLabel = "LEXICON",
      description = "The lexicon the term hits were found with (default: the one run.json "
          + "names; another one is refused).")
  String lexicon;

  @Override
  public Integer call() {
    return ConsoleReport.run(main.master, Pipeline.Plan.score(scoring.settings(), lexicon, output)
        .withReport(display.report()), display.display(), System.out);
  }
}
