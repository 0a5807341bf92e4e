package org.framescope.cli;

import java.util.concurrent.Callable;
import org.framescope.pipeline.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code framescope ingest}: corpus in, clean de-duplicated {@code articles} table out. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Read a corpus and write the articles, rejects, duplicates and boilerplate "
        + "tables.")
final class IngestCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Mixin IngestOptions options;
  @Mixin PipelineDisplayOptions display;

  @Override
  public Integer call() {
    return ConsoleReport.run(main.master, Pipeline.Plan.ingest(options.settings(),
        options.output, options.overwrite).withReport(display.report()), display.display(),
        System.out);
  }
}
