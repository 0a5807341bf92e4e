package org.framescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.framescope.cli.IngestCommandTest.run;

import java.io.IOException;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad flags stop the job before Spark starts, with a message that names them. */
class CommandLineTest {
  @TempDir Path tmp;

  private String fails(String... args) {
    StringWriter err = new StringWriter();
    assertThat(run(err, args)).isEqualTo(Main.SETUP_ERROR);
    return err.toString();
  }

  @Test
  void badOptionValuesAreNamed() {
    String out = tmp.resolve("out").toString();
    assertThat(fails("ingest", "--output", out, "--dedup", "sideways"))
        .contains("--dedup 'sideways'");
    assertThat(fails("ingest", "--output", out, "--format", "xml")).contains("unknown format 'xml'");
    assertThat(fails("ingest", "--output", out, "--map", "body=content"))
        .contains("unknown field 'body'");
    assertThat(fails("ingest", "--output", out, "--near-dup-containment", "1.5"))
        .contains("--near-dup-containment must be in (0, 1]");
    assertThat(fails("ingest", "--output", out, "--boilerplate-min-articles", "1"))
        .contains("--boilerplate-min-articles must be at least 2");
    assertThat(fails("ingest", "--input", tmp.resolve("nowhere").toString(), "--output", out))
        .contains("nowhere does not exist");
    assertThat(fails("ingest", "--frobnicate")).contains("Unknown option: '--frobnicate'");
    assertThat(fails("ingest", "--near-dup-containment", "lots")).contains("'lots' is not a double");
    assertThat(Files.exists(tmp.resolve("out"))).isFalse();
  }

  @Test
  void anInputWhoseFormatCannotBeToldAsksForFormat() throws IOException {
    Path odd = Files.writeString(tmp.resolve("corpus.dat"), "x");
    assertThat(fails("ingest", "--input", odd.toString(), "--output",
        tmp.resolve("out").toString())).contains("cannot tell the format").contains("--format");
  }

  @Test
  void theTestJvmRunsWithEveryFlagTheLaunchScriptsUse() throws IOException {
    List<String> flags = Files.readAllLines(Path.of("jobs/jvm-flags")).stream()
        .filter(l -> !l.isBlank()).toList();
    assertThat(flags).hasSizeGreaterThan(10);
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .containsAll(flags);
  }
}
