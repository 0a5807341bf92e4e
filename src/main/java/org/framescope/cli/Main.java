package org.framescope.cli;

import java.io.PrintWriter;
import org.apache.spark.SparkUserAppException;
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
        KwicCommand.class, ReportCommand.class, SentimentCommand.class, RepairCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  /** Exit code for a setup error: a bad path, option or file named in the message. */
  public static final int SETUP_ERROR = 2;
  /** Exit code for any other failure. */
  public static final int FAILURE = 1;

  @Option(names = "--verbose",
      description = "On an error, print its stack trace after the one-line message.",
      scope = CommandLine.ScopeType.INHERIT)
  boolean verbose;

  @Option(names = "--master",
      description = "Spark master URL (default: local[*], or what spark-submit was given).",
      scope = CommandLine.ScopeType.INHERIT)
  String master;

  public static void main(String[] args) throws SparkUserAppException {
    int code = execute(args);
    if (isYarnApplicationMaster()) {
      // On YARN in cluster deploy mode this JVM is the application master, which reports the
      // application's final status when main returns. System.exit would run its shutdown hook
      // first, and YARN would record every run, even a successful one, as failed ("Shutdown
      // hook called before final status was reported", exit code 16).
      if (code != 0) {
        throw new SparkUserAppException(code);
      }
      return;
    }
    System.exit(code);
  }

  /** Whether main runs in a YARN application master (cluster deploy mode), which says so. */
  static boolean isYarnApplicationMaster() {
    return System.getProperty("spark.yarn.app.id") != null
        && "cluster".equals(System.getProperty("spark.submit.deployMode"));
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
      boolean verbose = verbose(parseResult);
      PrintWriter w = commandLine.getErr();
      Throwable setup = setupError(e);
      if (setup != null) {
        w.println("framescope: " + setup.getMessage());
      } else {
        w.println("framescope: failed: " + oneLine(e)
            + (verbose ? "" : " (--verbose prints the stack trace)"));
      }
      if (verbose) {
        e.printStackTrace(w);
      }
      w.flush();
      return setup != null ? SETUP_ERROR : FAILURE;
    });
    return cli.execute(args);
  }

  private static boolean verbose(CommandLine.ParseResult pr) {
    for (CommandLine.ParseResult p = pr; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** The error a user can fix from its message alone (a bad path, option, file, lexicon). */
  static Throwable setupError(Throwable e) {
    return e instanceof IllegalArgumentException || e instanceof java.io.UncheckedIOException
        ? e : null;
  }

  /** An unexpected failure in one line: its deepest cause's type and its message's first line. */
  static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
    return root.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
  }
}
