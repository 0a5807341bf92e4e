package org.framescope.lexicon;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What to measure, for any topic: axes (a contrast between two poles), frames (a single pole
 * whose attention is measured) and actors (named groups of mentions), each a list of entries.
 * Read from YAML by {@link LexiconParser}; the file format is documented there.
 */
public final class Lexicon implements Serializable {
  private static final long serialVersionUID = 1L;

  /** An axis: pole a against pole b. */
  public record Axis(String name, String description, String poleA, String poleB)
      implements Serializable {}

  /** A frame or an actor: a name and its description. */
  public record Named(String name, String description) implements Serializable {}

  private final String name;
  private final String origin;
  private final String sha256;
  private final List<Axis> axes;
  private final List<Named> frames;
  private final List<Named> actors;
  private final List<Entry> entries;

  Lexicon(String name, String origin, String sha256, List<Axis> axes, List<Named> frames,
      List<Named> actors, List<Entry> entries) {
    this.name = name;
    this.origin = origin;
    this.sha256 = sha256;
    this.axes = List.copyOf(axes);
    this.frames = List.copyOf(frames);
    this.actors = List.copyOf(actors);
    this.entries = List.copyOf(entries);
  }

  public String name() {
    return name;
  }

  /** Where it was read from (a path, or the name of a built-in lexicon). */
  public String origin() {
    return origin;
  }

  /** SHA-256 of the file's bytes, hex: two runs with the same hash measured the same things. */
  public String sha256() {
    return sha256;
  }

  public List<Axis> axes() {
    return axes;
  }

  public List<Named> frames() {
    return frames;
  }

  public List<Named> actors() {
    return actors;
  }

  /** The entries of axes and frames: the term-hit layer. */
  public List<Entry> termEntries() {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (!Entry.ACTOR.equals(e.kind())) {
        out.add(e);
      }
    }
    return out;
  }

  /** The entries of actors: the actor-mention layer. */
  public List<Entry> actorEntries() {
    List<Entry> out = new ArrayList<>();
    for (Entry e : entries) {
      if (Entry.ACTOR.equals(e.kind())) {
        out.add(e);
      }
    }
    return out;
  }
}
