package org.framescope.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line from tests in other packages. */
public final class CliRunner {
  private CliRunner() {}

  public static int run(StringWriter err, String... args) {
    return Main.execute(new PrintWriter(err, true), args);
  }
}
