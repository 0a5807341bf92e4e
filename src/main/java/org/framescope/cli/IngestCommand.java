package org.framescope.cli;

import java.util.concurrent.Callable;
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

  @Override
  public Integer call() {
    return StageRunner.run("ingest", main.master, options, null, null, null, options.output,
        options.overwrite, System.out);
  }
}
