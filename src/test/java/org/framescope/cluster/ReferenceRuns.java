package org.framescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.framescope.cli.CliRunner;

/**
 * The {@code local[2]} runs that the cluster tests hold their outputs to, each made once per test
 * JVM (the cluster test classes share the sample's) and removed when the JVM ends.
 */
final class ReferenceRuns {
  private static final Map<Path, Path> RUNS = new HashMap<>();
  private static Path root;

  private ReferenceRuns() {}

  /** The output of {@code run} on the local folder {@code input}, without a report. */
  static synchronized Path of(Path input) throws IOException {
    Path done = RUNS.get(input);
    if (done != null) {
      return done;
    }
    if (root == null) {
      root = Files.createTempDirectory("framescope-reference-runs");
      Path made = root;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(made)));
    }
    Path out = root.resolve("run-" + RUNS.size());
    StringWriter err = new StringWriter();
    assertThat(CliRunner.run(err, "run", "--input", input.toString(), "--output",
        out.toString(), "--no-report")).as(err.toString()).isZero();
    RUNS.put(input, out);
    return out;
  }

  /** Removes {@code dir} and everything under it. */
  static void deleteTree(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
