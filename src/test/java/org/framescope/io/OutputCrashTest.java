package org.framescope.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety and one writer per output, with real child JVMs: a publishing halted (as by
 * {@code kill -9}) at each of its steps in turn leaves the earlier complete output or, once
 * recovered, the new complete one; a second writer is refused while the first lives, naming it,
 * and takes over its lock once it is killed.
 */
class OutputCrashTest {
  private static final Configuration CONF = new Configuration();
  @TempDir Path tmp;

  private static Process child(List<String> props, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx128m");
    cmd.addAll(props);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(PublishProbe.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).start();
  }

  /** The tables of an output and their content, and run.json ("-" when absent). */
  private static Map<String, String> state(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (Files.isDirectory(p) && !name.startsWith("_")) {
          m.put(name, Files.readString(p.resolve("part-0")));
        }
      }
    }
    Path runJson = dir.resolve(OutputFolder.RUN_JSON);
    m.put(OutputFolder.RUN_JSON, Files.exists(runJson) ? Files.readString(runJson) : "-");
    return m;
  }

  private static final Map<String, String> OLD = Map.of("a", "old:a", "b", "old:b", "c", "old:c",
      "run.json", "{\"run\":\"old\"}");
  private static final Map<String, String> NEW = Map.of("a", "new:a", "b", "new:b", "d", "new:d",
      "run.json", "{\"run\":\"new\"}");

  private Path earlierOutput(String name) throws IOException {
    Path dir = tmp.resolve(name);
    OutputFolder out = OutputFolder.open(CONF, dir.toString(), false);
    PublishProbe.stage(CONF, out, "old", List.of("a", "b", "c"));
    out.publish(List.of("a", "b", "c"), List.of(), "{\"run\":\"old\"}");
    out.close();
    assertThat(state(dir)).isEqualTo(OLD);
    return dir;
  }

  @Test
  void aCrashAtEveryStepOfPublishingLeavesTheOldOutputOrRecoversToTheNew() throws Exception {
    int steps = 0;
    for (int n = 1; ; n++) {
      Path dir = earlierOutput("out" + n);
      Process p = child(List.of("-D" + Faults.PROPERTY + "=" + n), "publish", dir.toString(),
          "new", "a", "b", "d", "--", "c");
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.exitValue() == 0) {
        assertThat(state(dir)).as("no halt: published whole").isEqualTo(NEW);
        break;
      }
      assertThat(p.exitValue()).as(log).isEqualTo(137);
      steps = n;
      Map<String, String> crashed = state(dir);
      boolean hasRunJson = !crashed.get(OutputFolder.RUN_JSON).equals("-");
      if (hasRunJson) {
        // A run.json in place speaks for every table beside it.
        assertThat(crashed).as("step " + n).isIn(OLD, NEW);
      }
      assertThat(OutputFolder.hasTable(CONF, dir.toString(), "a"))
          .as("step %d: complete only with its run.json", n).isEqualTo(hasRunJson);

      String done = OutputFolder.repair(CONF, dir.toString());
      assertThat(done).as("step " + n).isNotNull();
      // Before the journal is whole (steps 1 and 2) nothing of the earlier output was touched.
      assertThat(state(dir)).as("step %d, recovered", n).isEqualTo(n <= 2 ? OLD : NEW);
      assertThat(dir.resolve("_staging")).doesNotExist();
      assertThat(dir.resolve(OutputLock.NAME)).as("the stale lock taken over and released")
          .doesNotExist();
      assertThat(OutputFolder.repair(CONF, dir.toString())).as("twice is harmless").isNull();
    }
    assertThat(steps).as("publishing has a step per move").isGreaterThanOrEqualTo(10);
  }

  @Test
  void theNextRunFinishesAnInterruptedPublishingBeforeItsOwn() throws Exception {
    Path dir = earlierOutput("out");
    Process p = child(List.of("-D" + Faults.PROPERTY + "=7"), "publish", dir.toString(), "new",
        "a", "b", "d", "--", "c");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(137);
    OutputFolder next = OutputFolder.open(CONF, dir.toString(), false);
    assertThat(state(dir)).isEqualTo(NEW);
    PublishProbe.stage(CONF, next, "third", List.of("a"));
    next.publish(List.of("a"), List.of(), "{\"run\":\"third\"}");
    next.close();
    assertThat(state(dir)).containsEntry("a", "third:a").containsEntry("d", "new:d");
  }

  @Test
  void aSecondWriterIsRefusedNamingTheHolderAndTakesOverOnceItIsKilled() throws Exception {
    Path dir = earlierOutput("out");
    Process holder = child(List.of(), "hold", dir.toString());
    try {
      BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(),
          StandardCharsets.UTF_8));
      assertThat(r.readLine()).isEqualTo("locked");
      String pid = Long.toString(holder.pid());
      assertThatThrownBy(() -> OutputFolder.check(CONF, dir.toString(), false))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("is being written by another run")
          .hasMessageContaining("process " + pid).hasMessageContaining("host ")
          .hasMessageContaining("started 20");
      assertThatThrownBy(() -> OutputFolder.open(CONF, dir.toString(), false))
          .hasMessageContaining("process " + pid);
      assertThat(state(dir)).isEqualTo(OLD);
    } finally {
      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(dir.resolve(OutputLock.NAME)).as("kill -9 leaves its lock").exists();
    OutputFolder out = OutputFolder.open(CONF, dir.toString(), false);
    PublishProbe.stage(CONF, out, "new", List.of("a", "b", "d"));
    out.publish(List.of("a", "b", "d"), List.of("c"), "{\"run\":\"new\"}");
    out.close();
    assertThat(state(dir)).isEqualTo(NEW);
    assertThat(dir.resolve(OutputLock.NAME)).doesNotExist();
  }

  @Test
  void aLockOnAnotherHostIsStaleOnlyOnceItStopsBeingRefreshed() {
    long now = System.currentTimeMillis();
    OutputLock.Holder fresh = new OutputLock.Holder("elsewhere.example", 4242, "", "then",
        now - 60_000);
    OutputLock.Holder old = new OutputLock.Holder("elsewhere.example", 4242, "", "then",
        now - OutputLock.STALE_AFTER.toMillis() - 1_000);
    assertThat(OutputLock.isStale(fresh)).isFalse();
    assertThat(OutputLock.isStale(old)).isTrue();
  }

  @Test
  void aLiveProcessHoldsItsLockThoughAnotherJvmReadsItsStartASecondApart() {
    ProcessHandle self = ProcessHandle.current();
    java.time.Instant started = self.info().startInstant().orElseThrow();
    String host = OutputLock.hostName();
    OutputLock.Holder sameStart = new OutputLock.Holder(host, self.pid(),
        started.plusSeconds(1).toString(), "then", 0);
    OutputLock.Holder reusedId = new OutputLock.Holder(host, self.pid(),
        started.minusSeconds(3600).toString(), "then", 0);
    assertThat(OutputLock.isStale(sameStart)).isFalse();
    assertThat(OutputLock.isStale(reusedId)).as("the id now belongs to a later process").isTrue();
  }
}
