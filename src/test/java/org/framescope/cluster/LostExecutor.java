package org.framescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Kills one executor of a running job, as a lost machine or container would. */
final class LostExecutor {
  private LostExecutor() {}

  /**
   * Waits (up to 5 minutes, while {@code job} runs) for an executor that has lived ten seconds,
   * kills it with SIGKILL and returns its pid.
   */
  static long killOne(Supplier<List<ProcessHandle>> executors, Process job)
      throws InterruptedException {
    ProcessHandle victim = null;
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (victim == null && job.isAlive() && Instant.now().isBefore(deadline)) {
      for (ProcessHandle e : executors.get()) {
        Instant started = e.info().startInstant().orElse(Instant.now());
        if (Duration.between(started, Instant.now()).toSeconds() >= 10) {
          victim = e;
          break;
        }
      }
      TimeUnit.MILLISECONDS.sleep(250);
    }
    assertThat(victim).as("an executor to kill while the job runs").isNotNull();
    assertThat(victim.destroyForcibly()).isTrue();
    return victim.pid();
  }
}
