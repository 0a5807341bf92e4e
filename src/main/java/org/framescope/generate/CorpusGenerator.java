package org.framescope.generate;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.framescope.lexicon.Entry;
import org.framescope.lexicon.Lexicon;
import org.framescope.sentiment.ValenceLexicon;
import org.framescope.text.Sentences;

/**
 * A synthetic news corpus with planted truth, for testing the scores and for benchmarks, written
 * to cost what news costs: a vocabulary of over 200,000 word types drawn with Zipfian
 * frequencies ({@link Vocabulary}), prose with the word pairs of sentences ({@link Prose}),
 * article lengths log-normal around a median of {@value #MEDIAN_WORDS} words with a long tail,
 * quotations and reported speech at news-like rates, and wire copy carried by several outlets.
 *
 * <p>Article {@code i} is a pure function of the seed and {@code i}: nothing is held per article,
 * a million articles need no more memory than ten, and any partitioning gives the same corpus.
 * Its source is {@code i mod K}, its day {@code i mod 365}. The lexicon's axis and frame entries
 * enter only through planted slots (their first words, prefixes and context words are left out
 * of the vocabulary):
 *
 * <ul>
 *   <li>in the outlet's own sentences, an axis slot picks pole a with the source's planted rate
 *       ({@link Planted#outletShareA}), and a frame slot appears at the source's planted rate;
 *   <li>a share of each source's sentences ({@link Planted#quoteRate}) quote someone directly;
 *       quoted slots pick pole a at one rate for every source ({@link #QUOTED_SHARE_A});
 *   <li>a share ({@link Planted#reportRate}) report speech without quote marks ("X said ...");
 *       those sentences carry no slot;
 *   <li>wire copy: on each day, stories of a news agency that several outlets carry word for
 *       word (each outlet at most once); their own sentences pick pole a at {@link
 *       #WIRE_SHARE_A}, so a source's expected outlet-voice share is a mix of its own rate and
 *       the wire's, weighted by how much wire copy it carries ({@code expected_outlet_share_a} in
 *       {@code _planted.json});
 *   <li>events ({@link Events}): on a share of (3-day window, rank) slots an event happens, and
 *       each outlet reports it with probability {@link Events#coverage} on one day of the window,
 *       in its own words (its own sentences, quotations and rates) about the event's shared
 *       cast: its topic, people and places. An event is violent or calm (even odds); in a
 *       violent one every outlet's own axis slots lean to pole a ({@value #EVENT_SHIFT} added to
 *       the log-odds of its rate), in a calm one to pole b. {@link Events#violentOnlySource}
 *       plants a coverage difference: that source reports only the violent events;
 *   <li>distractors: half of the other articles are on one of {@value #TOPICS} topics, whose
 *       words they share with the events on that topic, but not their people or places;
 *   <li>a share of articles republish an earlier article of the same source, whole or its first
 *       half ({@link #REPUBLISH_RATE});
 *   <li>page furniture: a donation widget, a source's standing footer, share prompts, credits;
 *   <li>a small share of bad records ({@link #BAD_RATE}): no text, no source, a malformed line
 *       (JSON lines only), or a date nobody can read (the article is kept, its date is not).
 * </ul>
 */
public final class CorpusGenerator implements Serializable {
  private static final long serialVersionUID = 2L;

  public static final double QUOTED_SHARE_A = 0.5;
  public static final double WIRE_SHARE_A = 0.5;
  static final double REPUBLISH_RATE = 0.04;
  static final double BAD_RATE = 0.005;
  /** Chance that a (day, rank) has a wire story, and that an outlet carries it. */
  static final double WIRE_STORY_RATE = 0.2;
  static final double WIRE_CARRY_RATE = 0.25;
  static final double WIRE_QUOTE_RATE = 0.22;
  static final double WIRE_REPORT_RATE = 0.2;
  static final double AXIS_SLOT_RATE = 0.15;
  static final double QUOTE_SLOT_RATE = 0.3;
  static final double BLOCK_QUOTE_RATE = 0.02;
  static final double FOOTER_RATE = 0.7;
  static final double MEDIAN_WORDS = 700;
  static final double LENGTH_SIGMA = 0.5;
  static final int DAYS = 365;
  static final LocalDate START = LocalDate.of(2018, 1, 1);
  static final int EVENT_WINDOW = 3;
  static final double EVENT_SHIFT = 1.5;
  static final int TOPICS = 40;
  static final int TOPIC_WORDS = 6;
  static final double TOPIC_RATE = 0.5;

  /**
   * The planted events.
   *
   * @param rate the share of (window, rank) slots with an event
   * @param coverage the chance that an outlet reports an event
   * @param violentOnlySource the source (by number) that reports only violent events, or -1
   */
  public record Events(double rate, double coverage, int violentOnlySource)
      implements Serializable {
    public Events {
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException("--event-rate must be between 0 and 1, not " + rate);
      }
      if (!(coverage >= 0 && coverage <= 1)) {
        throw new IllegalArgumentException("--event-coverage must be between 0 and 1, not "
            + coverage);
      }
    }

    public static Events defaults() {
      return new Events(0.12, 0.5, -1);
    }
  }

  private final long seed;
  private final int sources;
  private final boolean jsonLines;
  private final Planted planted;
  private final Events events;
  private final List<List<String>> poleEntries;
  private final List<List<String>> frameEntries;
  private final Set<String> forbidden;
  private final Set<String> forbiddenPrefixes;
  private final Set<String> entryWords;
  private final List<String> valenceWords;
  private transient Prose prose;

  /** The planted rates, which are also what the generator writes beside the corpus. */
  public record Planted(List<String> sources, List<String> axes, List<String> poleA,
      List<String> poleB, double[][] outletShareA, double[] quoteRate, double[] reportRate,
      List<String> frames, double[][] frameRate) implements Serializable {}

  /** A planted lexicon entry: its axis or frame, its pole, and whether it is quoted. */
  public record Slot(String name, String pole, boolean quoted) {}

  /** An article before it is written out, with the slots planted in it. */
  public record Draft(Map<String, String> fields, List<Slot> slots) {}

  /**
   * @param jsonLines whether the corpus is JSON lines (malformed lines are then among the bad
   *     records)
   */
  public CorpusGenerator(long seed, int sources, Lexicon lexicon, boolean jsonLines) {
    this(seed, sources, lexicon, jsonLines, Events.defaults());
  }

  public CorpusGenerator(long seed, int sources, Lexicon lexicon, boolean jsonLines,
      Events events) {
    if (events.violentOnlySource() >= sources) {
      throw new IllegalArgumentException("--violent-only-source " + events.violentOnlySource()
          + ": there are only sources 0 to " + (sources - 1));
    }
    this.events = events;
    this.seed = seed;
    this.sources = sources;
    this.jsonLines = jsonLines;
    SplittableRandom r = new SplittableRandom(seed);
    List<String> names = new ArrayList<>();
    double[] quote = new double[sources];
    double[] report = new double[sources];
    for (int s = 0; s < sources; s++) {
      names.add(String.format("Outlet %02d", s));
      quote[s] = 0.1 + 0.25 * r.nextDouble();
      report[s] = 0.1 + 0.2 * r.nextDouble();
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
        frameRate[f][s] = 0.01 + 0.08 * r.nextDouble();
      }
    }
    this.planted = new Planted(names, axes, a, b, share, quote, report, frames, frameRate);
    forbidden = new HashSet<>();
    forbiddenPrefixes = new HashSet<>();
    entryWords = new HashSet<>();
    for (Entry e : lexicon.termEntries()) {
      (e.prefix()[0] ? forbiddenPrefixes : forbidden).add(e.tokens()[0]);
      entryWords.addAll(List.of(e.tokens()));
      e.notAfter().forEach(p -> forbidden.addAll(List.of(p)));
      e.notBefore().forEach(p -> forbidden.addAll(List.of(p)));
    }
    valenceWords = ValenceLexicon.builtin().singleWords();
  }

  public Planted planted() {
    return planted;
  }

  /**
   * The share of pole a that source {@code s}'s outlet voice is expected to show on axis
   * {@code x}, given how many of its original articles are its own, carry wire copy, or report
   * a violent or a calm event: its own rate, the wire's, and its own shifted by {@value
   * #EVENT_SHIFT} in log-odds either way, weighted by the narrative sentences each kind holds.
   */
  public double expectedOutletShareA(int x, int s, long ownArticles, long wireArticles,
      long violentArticles, long calmArticles) {
    double own = 1 - planted.quoteRate()[s] - planted.reportRate()[s];
    double q = planted.outletShareA()[x][s];
    double[] weight = {ownArticles * own, wireArticles * (1 - WIRE_QUOTE_RATE - WIRE_REPORT_RATE),
        violentArticles * own, calmArticles * own};
    double[] share = {q, WIRE_SHARE_A, shifted(q, EVENT_SHIFT), shifted(q, -EVENT_SHIFT)};
    double total = 0;
    double sum = 0;
    for (int k = 0; k < weight.length; k++) {
      total += weight[k];
      sum += weight[k] * share[k];
    }
    return total == 0 ? q : sum / total;
  }

  /** A rate with {@code shift} added to its log-odds. */
  static double shifted(double rate, double shift) {
    if (shift == 0) {
      return rate;
    }
    double logit = Math.log(rate / (1 - rate)) + shift;
    return 1 / (1 + Math.exp(-logit));
  }

  /**
   * The event article {@code i} would report, by its slot alone (its kind not looked at): the
   * event's id, or -1. An outlet reports an event at most once: on the one day of the window
   * drawn for it, among the days it has articles of that rank.
   */
  long eventSlot(long i) {
    if (events.rate() == 0) {
      return -1;
    }
    int day = (int) (i % DAYS);
    int window = day / EVENT_WINDOW;
    long rank = i / lcm(sources, DAYS);
    long event = window * 1_000_003L + rank;
    SplittableRandom e = random(event, 20);
    if (e.nextDouble() >= events.rate()) {
      return -1;
    }
    boolean violent = e.nextBoolean();
    int source = (int) (i % sources);
    if (source == events.violentOnlySource() && !violent) {
      return -1;
    }
    long g = gcd(sources, DAYS);
    List<Integer> days = new ArrayList<>(EVENT_WINDOW);
    for (int d = window * EVENT_WINDOW; d < Math.min(DAYS, (window + 1) * EVENT_WINDOW); d++) {
      if ((d - source) % g == 0) {
        days.add(d);
      }
    }
    SplittableRandom c = random(event * 131 + source, 21);
    if (days.isEmpty() || days.get(c.nextInt(days.size())) != day
        || c.nextDouble() >= events.coverage()) {
      return -1;
    }
    return event;
  }

  /** The event whose story article {@code i} carries (itself or as a copy), or -1. */
  public long eventOf(long i) {
    long o = originalOf(i);
    return kind(o) == Kind.EVENT ? eventSlot(o) : -1;
  }

  /** Whether event {@code event} is violent (its outlets lean to pole a). */
  public boolean isViolent(long event) {
    SplittableRandom e = random(event, 20);
    e.nextDouble();
    return e.nextBoolean();
  }

  /** What article {@code i} is, before it is written. */
  public enum Kind { ARTICLE, WIRE, EVENT, EXACT_COPY, TRUNCATED_COPY, MISSING_TEXT, MISSING_SOURCE,
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
    if (random(wireStory(i), 10).nextDouble() < WIRE_STORY_RATE
        && random(i, 7).nextDouble() < WIRE_CARRY_RATE) {
      return Kind.WIRE;
    }
    return eventSlot(i) >= 0 ? Kind.EVENT : Kind.ARTICLE;
  }

  /**
   * The wire story article {@code i} would carry: one per day and rank, where the rank is the
   * article's place among its source's articles of that day, so an outlet carries a story once.
   */
  long wireStory(long i) {
    long step = lcm(sources, DAYS);
    return (i % DAYS) * 1_000_003L + i / step;
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
    return o == Kind.ARTICLE || o == Kind.BAD_DATE || o == Kind.WIRE || o == Kind.EVENT;
  }

  /** The record of article {@code i}: field name to value (null values are left out). */
  public Map<String, String> article(long i) {
    return draft(i).fields();
  }

  /** Article {@code i} and the slots planted in its text. */
  public Draft draft(long i) {
    Kind kind = kind(i);
    int source = (int) (i % sources);
    long original = originalOf(i);
    Kind originalKind = kind(original);
    boolean wire = originalKind == Kind.WIRE;
    int writer = (int) (original % sources);
    SplittableRandom r = wire ? random(wireStory(original), 11) : random(original, 3);
    Prose.Cast cast;
    double shift = 0;
    if (originalKind == Kind.EVENT) {
      long event = eventSlot(original);
      cast = Prose.withQuotes(eventCast(event), writer % 2 == 1);
      shift = isViolent(event) ? EVENT_SHIFT : -EVENT_SHIFT;
    } else {
      cast = prose().cast(r, wire ? wireStory(original) % 2 == 0 : writer % 2 == 1);
      SplittableRandom t = random(original, 25);
      if (!wire && t.nextDouble() < TOPIC_RATE) {
        cast = Prose.onTopic(cast, topicWords(t.nextInt(TOPICS)));
      }
    }
    List<Paragraph> paragraphs = body(r, cast, wire ? -1 : writer, shift);
    String title = prose().headline(r, cast, !wire && writer % 3 == 0);
    if (kind == Kind.TRUNCATED_COPY) {
      paragraphs = paragraphs.subList(0, Math.max(2, paragraphs.size() / 2));
    }
    List<Slot> slots = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Paragraph p : paragraphs) {
      slots.addAll(p.slots());
      texts.add(p.text());
    }
    StringBuilder text = new StringBuilder();
    SplittableRandom f = random(i, 4);
    if (f.nextDouble() < 0.25) {
      text.append("0 $\n2,500 $\n5,000 $\n\n");
    }
    text.append(String.join("\n\n", texts));
    if (f.nextDouble() < FOOTER_RATE) {
      text.append("\n\nYou are reading ").append(planted.sources().get(source))
          .append(", independent news since 1998.");
    }
    if (f.nextDouble() < 0.2) {
      text.append("\n\nShare this on Facebook");
    }
    if (f.nextDouble() < 0.1) {
      text.append("\n\nWith reporting by ").append(prose().byline(f));
    }
    Map<String, String> m = new LinkedHashMap<>();
    m.put("article_id", "g" + seed + "-" + i);
    m.put("source", kind == Kind.MISSING_SOURCE ? " " : planted.sources().get(source));
    LocalDate date = START.plusDays(original % DAYS + (original == i ? 0 : 1));
    m.put("published", kind == Kind.BAD_DATE ? "sometime last spring" : date.toString());
    m.put("title", title);
    if (kind != Kind.MISSING_TEXT) {
      m.put("text", text.toString());
    }
    return new Draft(m, kind == Kind.MISSING_TEXT ? List.of() : slots);
  }

  /** A paragraph and the slots planted in it. */
  private record Paragraph(String text, List<Slot> slots) {}

  /**
   * The paragraphs of an article written by {@code writer} (a source; -1 for the wire), until
   * the article's length, drawn log-normal, is reached.
   */
  private List<Paragraph> body(SplittableRandom r, Prose.Cast cast, int writer, double shift) {
    int target = (int) Math.max(120, Math.min(8000, Math.round(MEDIAN_WORDS
        * Math.exp(LENGTH_SIGMA * Prose.gaussian(r)))));
    double quoteRate = writer < 0 ? WIRE_QUOTE_RATE : planted.quoteRate()[writer];
    double reportRate = writer < 0 ? WIRE_REPORT_RATE : planted.reportRate()[writer];
    List<Paragraph> paragraphs = new ArrayList<>();
    int words = 0;
    while (words < target) {
      List<Slot> slots = new ArrayList<>();
      StringBuilder p = new StringBuilder();
      if (r.nextDouble() < BLOCK_QUOTE_RATE && !paragraphs.isEmpty()) {
        paragraphs.add(new Paragraph(prose().blockIntro(r, cast), List.of()));
        p.append(prose().blockQuote(r, cast, quotedSlot(r, slots)));
      } else {
        int n = 1 + (r.nextDouble() < 0.55 ? 1 : 0) + (r.nextDouble() < 0.15 ? 1 : 0);
        for (int k = 0; k < n; k++) {
          if (k > 0) {
            p.append(' ');
          }
          double u = r.nextDouble();
          if (u < quoteRate) {
            p.append(prose().quoted(r, cast, quotedSlot(r, slots)));
          } else if (u < quoteRate + reportRate) {
            p.append(prose().reported(r, cast));
          } else {
            p.append(prose().narrative(r, cast, ownSlot(r, writer, shift, slots)));
          }
        }
      }
      paragraphs.add(new Paragraph(p.toString(), slots));
      words += 1 + (int) p.chars().filter(ch -> ch == ' ').count();
    }
    return paragraphs;
  }

  /** The slot of an outlet's own sentence: an axis at the writer's rate, or a frame, or none. */
  private String ownSlot(SplittableRandom r, int writer, double shift, List<Slot> slots) {
    if (r.nextDouble() < AXIS_SLOT_RATE && !planted.axes().isEmpty()) {
      int axis = r.nextInt(planted.axes().size());
      double shareA = writer < 0 ? WIRE_SHARE_A
          : shifted(planted.outletShareA()[axis][writer], shift);
      return axisSlot(r, axis, r.nextDouble() < shareA, false, slots);
    }
    for (int fr = 0; fr < planted.frames().size(); fr++) {
      double rate = writer < 0 ? 0.05 : planted.frameRate()[fr][writer];
      if (r.nextDouble() < rate) {
        slots.add(new Slot(planted.frames().get(fr), planted.frames().get(fr), false));
        return pick(r, frameEntries.get(fr));
      }
    }
    return null;
  }

  private String quotedSlot(SplittableRandom r, List<Slot> slots) {
    if (r.nextDouble() < QUOTE_SLOT_RATE && !planted.axes().isEmpty()) {
      int axis = r.nextInt(planted.axes().size());
      return axisSlot(r, axis, r.nextDouble() < QUOTED_SHARE_A, true, slots);
    }
    return null;
  }

  private String axisSlot(SplittableRandom r, int axis, boolean poleA, boolean quoted,
      List<Slot> slots) {
    slots.add(new Slot(planted.axes().get(axis),
        poleA ? planted.poleA().get(axis) : planted.poleB().get(axis), quoted));
    return pick(r, poleEntries.get(axis * 2 + (poleA ? 0 : 1)));
  }

  /** An event's cast, the same for every outlet that reports it: on one of the topics. */
  private Prose.Cast eventCast(long event) {
    SplittableRandom e = random(event, 24);
    Prose.Cast c = prose().cast(e, false);
    return Prose.onTopic(c, topicWords(e.nextInt(TOPICS)));
  }

  /** The words of topic {@code t}. */
  private String[] topicWords(int t) {
    return prose().topicWords(random(-1 - t, 26), TOPIC_WORDS);
  }

  /** The prose writer, built on each executor from the lexicon's words (not serialised). */
  private Prose prose() {
    if (prose == null) {
      Predicate<String> banned = w -> forbidden.contains(w) || Sentences.isAbbreviation(w)
          || forbiddenPrefixes.stream().anyMatch(w::startsWith);
      Vocabulary v = new Vocabulary(valenceWords, banned);
      List<String> followers = new ArrayList<>();
      for (String p : Vocabulary.PREPOSITIONS) {
        if (!entryWords.contains(p) && !banned.test(p)) {
          followers.add(p);
        }
      }
      prose = new Prose(v, new Vocabulary.Zipf(followers.toArray(new String[0]), 1.0, 0));
    }
    return prose;
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

  private static long lcm(long a, long b) {
    return a / gcd(a, b) * b;
  }

  private static long gcd(long a, long b) {
    long x = a;
    long y = b;
    while (y != 0) {
      long t = x % y;
      x = y;
      y = t;
    }
    return x;
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

  private static String pick(SplittableRandom r, List<String> options) {
    return options.get(r.nextInt(options.size()));
  }
}
