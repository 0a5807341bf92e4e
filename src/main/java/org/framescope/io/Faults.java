package org.framescope.io;

/**
 * Fault injection for the tests of crash safety: with the system property {@value #PROPERTY} set
 * to N, the JVM halts (as under {@code kill -9}: no shutdown hooks, no finally blocks) just
 * before the N-th step of publishing an output. Unset, a step costs one comparison.
 */
final class Faults {
  static final String PROPERTY = "framescope.test.haltAtPublishStep";
  private static final int HALT_AT = Integer.getInteger(PROPERTY, 0);
  private static int steps;

  private Faults() {}

  /** Marks a step of publishing; halts the JVM when it is the one the property names. */
  static synchronized void step() {
    steps++;
    if (steps == HALT_AT) {
      Runtime.getRuntime().halt(137);
    }
  }
}
