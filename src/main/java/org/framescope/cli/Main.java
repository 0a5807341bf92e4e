package org.framescope.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code framescope} command line: one subcommand per pipeline stage. */
@Command(
    name = "framescope",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Measures how news outlets frame the same story.",
    subcommands = {RunCommand.class, IngestCommand.class, FeaturesCommand.class,
        ScoreCommand.class, GenerateCommand.class,
        KwicCommand.class, SentimentCommand.class, CommandLine.HelpCommand.class})
public final class Main {
  /** Exit code for a setup error: a bad path, option or file named in the message. */
  public static final int SETUP_ERROR = 2;

  @Option(names = "--master",
      description = "Spark master URL (default: local[*], or what spark-submit was given).",
      scope = CommandLine.ScopeType.INHERIT)
  String master;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns its exit code, without exiting. */
  public static int execute(String... args) {
    return execute(new PrintWriter(System.err, true), args);
  }

  /** As {@link #execute(String...)}, with error messages and usage written to {@code err}. */
  public static int execute(PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException) {
        PrintWriter w = commandLine.getErr();
        w.println("framescope: " + e.getMessage());
        w.flush();
        return SETUP_ERROR;
      }
      throw e;
    });
    return cli.execute(args);
  }
}
