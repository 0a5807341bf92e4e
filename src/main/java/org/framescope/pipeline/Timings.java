package org.framescope.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stage's timings for run.json: seconds per step, to the hundredth, in the order taken. */
final class Timings {
  private final Map<String, Double> seconds = new LinkedHashMap<>();
  private final long started = System.nanoTime();
  private long last = started;

  /** Records the time since the previous step (or the start) under {@code step}. */
  void step(String step) {
    long now = System.nanoTime();
    seconds.put(step, round(now - last));
    last = now;
  }

  /** Records the time since the start under {@code name}. */
  void total(String name) {
    seconds.put(name, round(System.nanoTime() - started));
  }

  Map<String, Double> asMap() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
  }

  private static double round(long nanos) {
    return Math.round(nanos / 1e7) / 100.0;
  }
}
