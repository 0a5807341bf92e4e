package org.framescope.generate;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.framescope.lexicon.Entry;
import org.framescope.lexicon.Lexicon;

/**
 * A synthetic news corpus with planted truth, for testing the scores and for benchmarks.
 *
 * <p>Article {@code i} is a pure function of the seed and {@code i}: nothing is held per article,
 * a million articles need no more memory than ten, and any partitioning gives the same corpus.
 * Its source is {@code i mod K}. Sentences come from templates over a vocabulary of the
 * generator's own (places, officials, objects), so that the text looks like news to the
 * tokenizer, and the lexicon's entries enter only through planted slots:
 *
 * <ul>
 *   <li>in the outlet's own sentences, an axis slot picks pole a with the source's planted rate
 *       ({@link Planted#outletShareA}), and a frame slot appears at the source's planted rate;
 *   <li>a share of each source's sentences ({@link Planted#quoteRate}) quote an official, whose
 *       slots pick pole a at one rate for every source ({@link #QUOTED_SHARE_A});
 *   <li>a share of articles republish an earlier article of the same source, whole or its first
 *       half ({@link #REPUBLISH_RATE});
 *   <li>page furniture: a donation widget, a source's standing footer, share prompts;
 *   <li>a small share of bad records ({@link #BAD_RATE}): no text, no source, a malformed line
 *       (JSON lines only), or a date nobody can read (the article is kept, its date is not).
 * </ul>
 */
public final class CorpusGenerator implements Serializable {
  private static final long serialVersionUID = 1L;

  static final double QUOTED_SHARE_A = 0.5;
  static final double REPUBLISH_RATE = 0.04;
  static final double BAD_RATE = 0.005;
  static final double AXIS_SLOT_RATE = 0.45;
  static final double FOOTER_RATE = 0.7;
  static final LocalDate START = LocalDate.of(2018, 1, 1);

  // Place and person names are built from parts, so that text carries as many distinct names
  // as real news does (12 x 24 x 24 places, 20 x 24 x 24 people).
  private static final String[] PLACE_PREFIX = {"Kafr", "Tal", "Wadi", "Jisr", "Ain", "Maarat",
      "Khirbet", "Qalaat", "Deir", "Umm", "Ras", "Bab"};
  private static final String[] SYLLABLES = {"ba", "dar", "fa", "ha", "ja", "ka", "la", "ma",
      "na", "qa", "ra", "sa", "ta", "wa", "za", "mir", "sul", "nur", "bad", "sin", "hal", "kur",
      "dun", "rif"};
  private static final String[] GIVEN = {"Ahmad", "Layla", "Omar", "Rania", "Yusuf", "Huda",
      "Karim", "Samira", "Tariq", "Dalia", "Nabil", "Salma", "Faris", "Mona", "Ziad", "Hiba",
      "Walid", "Nour", "Bassam", "Rima"};
  private static final String[] OBJECTS = {"supply route", "border crossing", "grain depot",
      "water station", "northern highway", "old market", "river bridge", "fuel convoy",
      "checkpoint", "airfield", "power plant", "hospital ward", "school building", "bakery"};
  private static final String[] OFFICIALS = {"a regional governor", "the foreign minister",
      "a military spokesman", "a senior envoy", "the defence ministry", "a local commander",
      "an aid coordinator", "a presidential adviser"};
  private static final String[] MONITORS = {"a monitoring group", "local reporters",
      "witnesses", "a medical charity", "satellite imagery", "residents"};
  private static final String[] CAPITALS = {"Russia", "Turkey", "Iran", "Washington",
      "the United Nations", "Ankara", "Moscow", "Tehran"};
  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday"};
  private static final String[] TONE = {"tense", "calm", "grim", "hopeful", "uncertain",
      "quiet", "chaotic", "orderly"};

  private final long seed;
  private final int sources;
  private final boolean jsonLines;
  private final Planted planted;
  private final List<List<String>> poleEntries;
  private final List<List<String>> frameEntries;

  /** The planted rates, which are also what the generator writes beside the corpus. */
  public record Planted(List<String> sources, List<String> axes, List<String> poleA,
      List<String> poleB, double[][] outletShareA, double[] quoteRate, List<String> frames,
      double[][] frameRate) implements Serializable {}

  /**
   * @param jsonLines whether the corpus is JSON lines (malformed lines are then among the bad
   *     records)
   */
  public CorpusGenerator(long seed, int sources, Lexicon lexicon, boolean jsonLines) {
    this.seed = seed;
    this.sources = sources;
    this.jsonLines = jsonLines;
    SplittableRandom r = new SplittableRandom(seed);
    List<String> names = new ArrayList<>();
    double[] quote = new double[sources];
    for (int s = 0; s < sources; s++) {
      names.add(String.format("Outlet %02d", s));
      quote[s] = 0.1 + 0.3 * r.nextDouble();
    }
    List<String> axes = new ArrayList<>();
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    poleEntries = new ArrayList<>();
    double[][] share = new double[lexicon.axes().size()][sources];
    for (int x = 0; x < lexicon.axes().size(); x++) {
      Lexicon.Axis axis = lexicon.axes().get(x);
      axes.add(axis.name());
      a.add(axis.poleA());
      b.add(axis.poleB());
      poleEntries.add(plainEntries(lexicon, axis.name(), axis.poleA()));
      poleEntries.add(plainEntries(lexicon, axis.name(), axis.poleB()));
      // Evenly spread rates from 0.1 to 0.9, in an order of the axis's own.
      int[] order = permutation(sources, r);
      for (int s = 0; s < sources; s++) {
        share[x][s] = sources == 1 ? 0.5 : 0.1 + 0.8 * order[s] / (sources - 1.0);
      }
    }
    List<String> frames = new ArrayList<>();
    frameEntries = new ArrayList<>();
    double[][] frameRate = new double[lexicon.frames().size()][sources];
    for (int f = 0; f < lexicon.frames().size(); f++) {
      String frame = lexicon.frames().get(f).name();
      frames.add(frame);
      frameEntries.add(plainEntries(lexicon, frame, frame));
      for (int s = 0; s < sources; s++) {
        frameRate[f][s] = 0.02 + 0.2 * r.nextDouble();
      }
    }
    this.planted = new Planted(names, axes, a, b, share, quote, frames, frameRate);
  }

  public Planted planted() {
    return planted;
  }

  /** What article {@code i} is, before it is written. */
  public enum Kind { ARTICLE, EXACT_COPY, TRUNCATED_COPY, MISSING_TEXT, MISSING_SOURCE,
    MALFORMED, BAD_DATE }

  public Kind kind(long i) {
    SplittableRandom r = random(i, 1);
    double u = r.nextDouble();
    if (u < BAD_RATE) {
      int k = r.nextInt(jsonLines ? 4 : 3);
      return new Kind[] {Kind.MISSING_TEXT, Kind.MISSING_SOURCE, Kind.BAD_DATE, Kind.MALFORMED}[k];
    }
    if (i >= sources * 5L && u < BAD_RATE + REPUBLISH_RATE) {
      return r.nextBoolean() ? Kind.EXACT_COPY : Kind.TRUNCATED_COPY;
    }
    return Kind.ARTICLE;
  }

  /**
   * The article whose text article {@code i} carries: itself, or for a republication the first
   * article up the chain of copies (an earlier article of the same source).
   */
  public long originalOf(long i) {
    long j = i;
    while (kind(j) == Kind.EXACT_COPY || kind(j) == Kind.TRUNCATED_COPY) {
      j = j - sources * (1L + random(j, 2).nextInt(5));
    }
    return j;
  }

  /** Whether {@code i} is a copy whose original is a record ingest accepts, so can be found. */
  public boolean isDetectableCopy(long i) {
    Kind k = kind(i);
    if (k != Kind.EXACT_COPY && k != Kind.TRUNCATED_COPY) {
      return false;
    }
    Kind o = kind(originalOf(i));
    return o == Kind.ARTICLE || o == Kind.BAD_DATE;
  }

  /** The record of article {@code i}: field name to value (null values are left out). */
  public Map<String, String> article(long i) {
    Kind kind = kind(i);
    int source = (int) (i % sources);
    long original = originalOf(i);
    SplittableRandom r = random(original, 3);
    List<String> paragraphs = new ArrayList<>();
    int n = 6 + r.nextInt(7);
    for (int p = 0; p < n; p++) {
      paragraphs.add(paragraph(r, source));
    }
    if (kind == Kind.TRUNCATED_COPY) {
      paragraphs = paragraphs.subList(0, Math.max(2, paragraphs.size() / 2));
    }
    StringBuilder text = new StringBuilder();
    SplittableRandom f = random(i, 4);
    if (f.nextDouble() < 0.25) {
      text.append("0 $\n2,500 $\n5,000 $\n\n");
    }
    text.append(String.join("\n\n", paragraphs));
    if (f.nextDouble() < FOOTER_RATE) {
      text.append("\n\nYou are reading ").append(planted.sources().get(source))
          .append(", independent news since 1998.");
    }
    if (f.nextDouble() < 0.2) {
      text.append("\n\nShare this on Facebook");
    }
    Map<String, String> m = new LinkedHashMap<>();
    m.put("article_id", "g" + seed + "-" + i);
    m.put("source", kind == Kind.MISSING_SOURCE ? " " : planted.sources().get(source));
    LocalDate date = START.plusDays(original % 365 + (original == i ? 0 : 1));
    m.put("published", kind == Kind.BAD_DATE ? "sometime last spring" : date.toString());
    m.put("title", title(random(original, 5)));
    if (kind != Kind.MISSING_TEXT) {
      m.put("text", text.toString());
    }
    return m;
  }

  private String paragraph(SplittableRandom r, int source) {
    int n = 3 + r.nextInt(3);
    List<String> sentences = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      sentences.add(r.nextDouble() < planted.quoteRate()[source]
          ? quoted(r) : ownSentence(r, source));
    }
    return String.join(" ", sentences);
  }

  private static String name(SplittableRandom r) {
    String a = SYLLABLES[r.nextInt(SYLLABLES.length)];
    String b = SYLLABLES[r.nextInt(SYLLABLES.length)];
    return Character.toUpperCase(a.charAt(0)) + a.substring(1) + b;
  }

  private static String place(SplittableRandom r) {
    return pick(r, PLACE_PREFIX) + " " + name(r);
  }

  private static String person(SplittableRandom r) {
    return pick(r, GIVEN) + " " + name(r) + (r.nextBoolean() ? "i" : "");
  }

  private String ownSentence(SplittableRandom r, int source) {
    String place = place(r);
    if (r.nextDouble() < AXIS_SLOT_RATE && !planted.axes().isEmpty()) {
      int axis = r.nextInt(planted.axes().size());
      boolean a = r.nextDouble() < planted.outletShareA()[axis][source];
      String slot = pick(r, poleEntries.get(axis * 2 + (a ? 0 : 1)));
      switch (r.nextInt(3)) {
        case 0:
          return "Reports from " + place + " described the " + slot + " near the "
              + pick(r, OBJECTS) + " on " + pick(r, DAYS) + ".";
        case 1:
          return "According to " + pick(r, MONITORS) + ", the " + slot + " reached the "
              + pick(r, OBJECTS) + " outside " + place + ".";
        default:
          return "The situation around the " + slot + " in " + place + " remained "
              + pick(r, TONE) + ", " + pick(r, MONITORS) + " reported.";
      }
    }
    for (int fr = 0; fr < planted.frames().size(); fr++) {
      if (r.nextDouble() < planted.frameRate()[fr][source]) {
        return "Aid workers in " + place + " spoke of the " + pick(r, frameEntries.get(fr))
            + " around the " + pick(r, OBJECTS) + ".";
      }
    }
    switch (r.nextInt(3)) {
      case 0:
        return "Officials from " + pick(r, CAPITALS) + " met in " + place + " on "
            + pick(r, DAYS) + " to discuss the " + pick(r, OBJECTS) + ".";
      case 1:
        return person(r) + ", who lives near the " + pick(r, OBJECTS) + " in " + place
            + ", said the road was " + pick(r, TONE) + " for the " + (2 + r.nextInt(9))
            + "th day running.";
      default:
        return "The " + pick(r, OBJECTS) + " in " + place + " reopened after " + (2 + r.nextInt(30))
            + " hours, " + pick(r, MONITORS) + " said.";
    }
  }

  private String quoted(SplittableRandom r) {
    String place = place(r);
    String clause;
    if (r.nextDouble() < AXIS_SLOT_RATE && !planted.axes().isEmpty()) {
      int axis = r.nextInt(planted.axes().size());
      boolean a = r.nextDouble() < QUOTED_SHARE_A;
      clause = "We are watching the " + pick(r, poleEntries.get(axis * 2 + (a ? 0 : 1)))
          + " around " + place + " very closely";
    } else {
      clause = "The talks about the " + pick(r, OBJECTS) + " in " + place + " will go on";
    }
    return "\"" + clause + ",\" said " + person(r) + ", " + pick(r, OFFICIALS) + ".";
  }

  private static String title(SplittableRandom r) {
    return place(r) + " braces for " + pick(r, TONE) + " week as " + pick(r, OBJECTS)
        + " stays shut";
  }

  /** Entries a slot can use: plain words, no prefix pattern, no context rule. */
  private static List<String> plainEntries(Lexicon lexicon, String name, String pole) {
    List<String> out = new ArrayList<>();
    for (Entry e : lexicon.termEntries()) {
      if (e.name().equals(name) && e.pole().equals(pole) && !e.hasPrefix()
          && e.notAfter().isEmpty() && e.notBefore().isEmpty()) {
        out.add(e.text());
      }
    }
    if (out.isEmpty()) {
      for (Entry e : lexicon.termEntries()) {
        if (e.name().equals(name) && e.pole().equals(pole) && e.notAfter().isEmpty()) {
          out.add(e.text().replace("*", ""));
        }
      }
    }
    return out;
  }

  private SplittableRandom random(long i, int stream) {
    long h = seed * 0x9E3779B97F4A7C15L + i * 0xC2B2AE3D27D4EB4FL + stream * 0x165667B19E3779F9L;
    return new SplittableRandom(h);
  }

  private static int[] permutation(int n, SplittableRandom r) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static String pick(SplittableRandom r, String[] options) {
    return options[r.nextInt(options.length)];
  }

  private static String pick(SplittableRandom r, List<String> options) {
    return options.get(r.nextInt(options.size()));
  }
}
