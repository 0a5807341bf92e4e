package org.framescope;

import java.nio.file.Path;

/** Where the sample corpus (the five seed articles) is, for tests. */
public final class Seeds {
  private Seeds() {}

  public static Path folder() {
    return Path.of(System.getProperty("framescope.seeds", "data/sample")).toAbsolutePath();
  }
}
