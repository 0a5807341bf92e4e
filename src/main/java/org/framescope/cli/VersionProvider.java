package org.framescope.cli;

import org.framescope.pipeline.Versions;
import picocli.CommandLine;

/** {@code --version}: the versions a run records. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return Versions.all().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .toArray(String[]::new);
  }
}
