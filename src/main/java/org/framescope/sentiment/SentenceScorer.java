package org.framescope.sentiment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.framescope.text.Token;

/**
 * VADER's sentence sentiment (Hutto & Gilbert, "VADER: A Parsimonious Rule-based Model for
 * Sentiment Analysis of Social Media Text", ICWSM 2014), with the rules as the paper describes
 * them and as its reference implementation (vaderSentiment 3.3.2) applies them, so that the
 * scores are the reference's.
 *
 * <p><b>Items.</b> A sentence is cut at white space (and, for news text, at en and em dashes);
 * each piece loses its leading and trailing punctuation unless two characters or fewer would be
 * left, so that emoticons (":)", "<3", ":D") stay whole and reach the lexicon. Items are looked
 * up lower-cased, with a typographic apostrophe read as "'".
 *
 * <p><b>Each sentiment-bearing item</b> (in the valence lexicon, and not a booster or dampener,
 * nor the "kind" of "kind of"), in this order:
 *
 * <ol>
 *   <li><b>Valence</b>: the lexicon's mean rating, in [-4, 4]. "no" followed by a lexicon word
 *       is not sentiment-bearing itself; an item one or two after "no" (three, when "or"/"nor"
 *       comes just before it) has its valence times {@value #NEGATE}.
 *   <li><b>Capitals</b>: an item in capitals when some but not all items are gains {@value #CAPS}
 *       in magnitude.
 *   <li><b>The three items before</b>, nearest first, each only when it is not itself in the
 *       lexicon: a booster (dampener) adds (removes) {@value #BOOST} in magnitude, times 1, 0.95,
 *       0.9 by distance, and {@value #CAPS} more when it is in capitals as above; a negator
 *       multiplies by {@value #NEGATE} (each negator does, so two cancel), except "never so/this
 *       X" (times 1.25) and "without doubt"; at the third, a special-case phrase ("the shit",
 *       "yeah right") replaces the valence and a two-word dampener before ("kind of") adds
 *       -{@value #BOOST}.
 *   <li><b>"least"</b> just before negates (times {@value #NEGATE}), except in "at least" and
 *       "very least".
 *   <li><b>Contrast</b>: before the first "but" an item weighs {@value #BEFORE_BUT}, after it
 *       {@value #AFTER_BUT}.
 * </ol>
 *
 * The items' sum is then pushed away from zero by the sentence's punctuation ({@value #EXCLAIM}
 * for each '!' up to four; for two or three '?', {@value #QUESTION} each, and {@value #QUESTIONS}
 * for more) and normalised into the compound score {@code s / sqrt(s² + }{@value #ALPHA}{@code )}
 * in [-1, 1].
 *
 * <p>Where this departs from the reference, on purpose: dashes cut items and non-ASCII
 * punctuation (curly quotes, guillemets) is stripped like ASCII punctuation, which only news text
 * needs; contrast weights go by position (the reference looks each value up by equality, which
 * re-weights the wrong item when a halved value equals a later one); emoji are not replaced by
 * their descriptions (the reference's emoji table is not shipped). Two quirks of the reference
 * are kept, because its scores are the target: at the third item before, "so" or "this" just
 * before the item multiplies by 1.25 even without "never", and an item that "no" made
 * neutral still takes the capitals increment, negatively.
 *
 * <p>Scores are for sentences: summed over a long text the compound saturates at ±1, so an
 * article's tone is an aggregate of its sentences' scores.
 */
public final class SentenceScorer implements Serializable {
  private static final long serialVersionUID = 1L;

  static final double BOOST = 0.293;
  static final double CAPS = 0.733;
  static final double NEGATE = -0.74;
  static final double NEVER_SO = 1.25;
  static final double EXCLAIM = 0.292;
  static final double QUESTION = 0.18;
  static final double QUESTIONS = 0.96;
  static final double ALPHA = 15;
  static final double BEFORE_BUT = 0.5;
  static final double AFTER_BUT = 1.5;
  private static final double[] DECAY = {1.0, 0.95, 0.9};
  /** Python's {@code string.punctuation}, what the reference strips from an item's ends. */
  private static final String ASCII_PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private final ValenceLexicon lexicon;
  private final Modifiers modifiers;

  public SentenceScorer(ValenceLexicon lexicon) {
    this.lexicon = lexicon;
    this.modifiers = Modifiers.defaults();
  }

  public static SentenceScorer builtin() {
    return new SentenceScorer(ValenceLexicon.builtin());
  }

  /** One sentiment-bearing item and how the rules changed its valence. */
  public record Contribution(String text, double valence, double score, List<String> rules)
      implements Serializable {}

  /** A sentence's score, with the rules that made it. */
  public record Score(double compound, double sum, double punctuation,
      List<Contribution> contributions) implements Serializable {}

  /** A piece of the sentence as the rules read it, and its lexicon valence (or null). */
  private record Item(String text, String lower, boolean caps, Double lex) {}

  /**
   * Scores the sentence whose tokens are {@code tokens} in {@code text} (the text from the first
   * token's start to the last one's end), with the rules that made the score (what the {@code
   * sentiment} command prints).
   */
  public Score score(String text, List<Token> tokens) {
    return score(text, tokens, true);
  }

  /**
   * The compound score alone: the same arithmetic as {@link #score}, without building the
   * explanations (formatting them cost more than scoring).
   */
  public double compound(String text, List<Token> tokens) {
    return score(text, tokens, false).compound();
  }

  private Score score(String text, List<Token> tokens, boolean explain) {
    if (tokens.isEmpty()) {
      return new Score(0, 0, 0, List.of());
    }
    int from = tokens.get(0).start();
    int to = tokens.get(tokens.size() - 1).end();
    List<Item> items = items(text, from, to, lexicon);
    int n = items.size();
    int capsItems = 0;
    for (Item it : items) {
      capsItems += it.caps() ? 1 : 0;
    }
    boolean capsDiffer = capsItems > 0 && capsItems < n;
    double[] valences = new double[n];
    List<Contribution> contributions = explain ? new ArrayList<>() : List.of();
    // The sentiment-bearing items and the rules that applied to each, when explaining.
    Map<Integer, List<String>> bearing = explain ? new LinkedHashMap<>() : null;
    for (int i = 0; i < n; i++) {
      List<String> why = explain ? new ArrayList<>() : null;
      Double v = valence(items, i, capsDiffer, why);
      if (v != null) {
        valences[i] = v;
        if (explain) {
          bearing.put(i, why);
        }
      }
    }
    int butAt = -1;
    for (int i = 0; i < n && butAt < 0; i++) {
      if (items.get(i).lower().equals("but")) {
        butAt = i;
      }
    }
    double sum = 0;
    for (int i = 0; i < n; i++) {
      if (butAt >= 0 && i != butAt) {
        valences[i] *= i < butAt ? BEFORE_BUT : AFTER_BUT;
      }
      sum += valences[i];
    }
    if (explain) {
      for (Map.Entry<Integer, List<String>> b : bearing.entrySet()) {
        int i = b.getKey();
        List<String> why = b.getValue();
        if (butAt >= 0 && i != butAt) {
          why.add(String.format(Locale.ROOT, "%s 'but' x%.1f", i < butAt ? "before" : "after",
              i < butAt ? BEFORE_BUT : AFTER_BUT));
        }
        Item it = items.get(i);
        contributions.add(new Contribution(it.text(), it.lex(), valences[i], why));
      }
    }
    int exclaims = 0;
    int questions = 0;
    for (int c = from; c < to; c++) {
      char ch = text.charAt(c);
      exclaims += ch == '!' ? 1 : 0;
      questions += ch == '?' ? 1 : 0;
    }
    double punctuation = Math.min(exclaims, 4) * EXCLAIM
        + (questions > 3 ? QUESTIONS : questions > 1 ? questions * QUESTION : 0);
    double total = sum > 0 ? sum + punctuation : sum < 0 ? sum - punctuation : 0;
    double compound = total / Math.sqrt(total * total + ALPHA);
    return new Score(Math.max(-1, Math.min(1, compound)), total, total - sum, contributions);
  }

  /** The valence of item {@code i} after the rules, or null when it bears no sentiment. */
  private Double valence(List<Item> items, int i, boolean capsDiffer, List<String> why) {
    Item item = items.get(i);
    Double lex = item.lex();
    if (lex == null) {
      return null;
    }
    String w = item.lower();
    int n = items.size();
    if (modifiers.degree.containsKey(w)
        || (w.equals("kind") && i + 1 < n && lower(items, i + 1).equals("of"))) {
      return null;
    }
    double v = lex;
    if (w.equals("no") && i + 1 < n && items.get(i + 1).lex() != null) {
      v = 0;
      note(why, "'no' before a sentiment word: x0");
    }
    if ((i > 0 && lower(items, i - 1).equals("no"))
        || (i > 1 && lower(items, i - 2).equals("no"))
        || (i > 2 && lower(items, i - 3).equals("no")
            && (lower(items, i - 1).equals("or") || lower(items, i - 1).equals("nor")))) {
      v = lex * NEGATE;
      note(why, String.format(Locale.ROOT, "after 'no' x%.2f", NEGATE));
    }
    if (item.caps() && capsDiffer) {
      double c = v > 0 ? CAPS : -CAPS;
      v += c;
      note(why, String.format(Locale.ROOT, "capitals %+.3f", c));
    }
    for (int k = 0; k < 3 && k < i; k++) {
      Item before = items.get(i - k - 1);
      if (before.lex() != null) {
        continue;
      }
      Double inc = modifiers.degree.get(before.lower());
      if (inc != null) {
        double s = v < 0 ? -inc : inc;
        if (before.caps() && capsDiffer) {
          s += v > 0 ? CAPS : -CAPS;
        }
        s *= DECAY[k];
        v += s;
        note(why, String.format(Locale.ROOT, "%s '%s' %+.3f", inc > 0 ? "booster" : "dampener",
            before.text(), s));
      }
      v = negation(items, i, k, v, why);
      if (k == 2) {
        v = specialCases(items, i, v, why);
      }
    }
    if (i > 0 && lower(items, i - 1).equals("least") && items.get(i - 1).lex() == null
        && (i == 1 || !(lower(items, i - 2).equals("at") || lower(items, i - 2).equals("very")))) {
      v *= NEGATE;
      note(why, String.format(Locale.ROOT, "after 'least' x%.2f", NEGATE));
    }
    return v;
  }

  /** The negation rules for the item {@code k + 1} before item {@code i}. */
  private double negation(List<Item> items, int i, int k, double v, List<String> why) {
    String before = lower(items, i - k - 1);
    if (k >= 1) {
      String one = lower(items, i - 1);
      String two = lower(items, i - 2);
      boolean soThis = k == 1
          ? two.equals("never") && isSoOrThis(one)
          : (lower(items, i - 3).equals("never") && isSoOrThis(two)) || isSoOrThis(one);
      if (soThis) {
        note(why, String.format(Locale.ROOT, "'never so/this' x%.2f", NEVER_SO));
        return v * NEVER_SO;
      }
      if (before.equals("without") && (one.equals("doubt") || (k == 2 && two.equals("doubt")))) {
        return v;
      }
    }
    if (modifiers.isNegator(before)) {
      note(why, String.format(Locale.ROOT, "negated by '%s' x%.2f", items.get(i - k - 1).text(),
          NEGATE));
      return v * NEGATE;
    }
    return v;
  }

  private static boolean isSoOrThis(String w) {
    return w.equals("so") || w.equals("this");
  }

  /**
   * Special-case phrases around item {@code i}, and two-word dampeners before it. A sequence is
   * looked up only when each of its words belongs to some phrase, which few words do.
   */
  private double specialCases(List<Item> items, int i, double v, List<String> why) {
    int n = items.size();
    boolean[] in = new boolean[6];
    boolean any = false;
    for (int d = -3; d <= 2; d++) {
      int j = i + d;
      in[d + 3] = j < n && modifiers.phraseWords.contains(lower(items, j));
      any |= in[d + 3];
    }
    if (!any) {
      return v;
    }
    String w0 = lower(items, i);
    String w1 = lower(items, i - 1);
    String w2 = lower(items, i - 2);
    String w3 = lower(items, i - 3);
    // In the reference's order: "w1 w0", "w2 w1 w0", "w2 w1", "w3 w2 w1", "w3 w2".
    boolean p0 = in[3];
    boolean p1 = in[2];
    boolean p2 = in[1];
    boolean p3 = in[0];
    String[] around = {p1 && p0 ? w1 + " " + w0 : null, p2 && p1 && p0 ? w2 + " " + w1 + " " + w0
        : null, p2 && p1 ? w2 + " " + w1 : null, p3 && p2 && p1 ? w3 + " " + w2 + " " + w1 : null,
        p3 && p2 ? w3 + " " + w2 : null};
    for (String seq : around) {
      Double special = seq == null ? null : modifiers.specialCases.get(seq);
      if (special != null) {
        v = special;
        note(why, "special case '" + seq + "' = " + special);
        break;
      }
    }
    if (i + 1 < n && p0 && in[4]) {
      String seq = w0 + " " + lower(items, i + 1);
      Double special = modifiers.specialCases.get(seq);
      if (special != null) {
        v = special;
        note(why, "special case '" + seq + "' = " + special);
      }
    }
    if (i + 2 < n && p0 && in[4] && in[5]) {
      String seq = w0 + " " + lower(items, i + 1) + " " + lower(items, i + 2);
      Double special = modifiers.specialCases.get(seq);
      if (special != null) {
        v = special;
        note(why, "special case '" + seq + "' = " + special);
      }
    }
    for (String seq : new String[] {around[3], around[4], around[2]}) {
      Double inc = seq == null ? null : modifiers.degree.get(seq);
      if (inc != null) {
        v += inc;
        note(why, String.format(Locale.ROOT, "'%s' %+.3f", seq, inc));
      }
    }
    return v;
  }

  private static void note(List<String> why, String rule) {
    if (why != null) {
      why.add(rule);
    }
  }

  private static String lower(List<Item> items, int i) {
    return items.get(i).lower();
  }

  /** Cuts {@code text[from, to)} into the items the rules read. */
  private static List<Item> items(String text, int from, int to, ValenceLexicon lexicon) {
    List<Item> out = new ArrayList<>();
    int i = from;
    while (i < to) {
      while (i < to && isSeparator(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < to && !isSeparator(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(item(text, start, i, lexicon));
      }
    }
    return out;
  }

  /** The item of {@code text[start, end)}: stripped of edge punctuation unless too little is left. */
  private static Item item(String text, int start, int end, ValenceLexicon lexicon) {
    int a = start;
    int b = end;
    while (a < b && isPunctuation(text.codePointAt(a))) {
      a += Character.charCount(text.codePointAt(a));
    }
    while (b > a && isPunctuation(text.codePointBefore(b))) {
      b -= Character.charCount(text.codePointBefore(b));
    }
    String piece = b - a <= 2 && text.codePointCount(a, b) <= 2
        ? text.substring(start, end) : text.substring(a, b);
    String lower = piece.toLowerCase(Locale.ROOT);
    if (lower.indexOf('\u2019') >= 0 || lower.indexOf('\u02BC') >= 0) {
      lower = lower.replace('\u2019', '\'').replace('\u02BC', '\'');
    }
    return new Item(piece, lower, isUpper(piece), lexicon.word(lower));
  }

  /**
   * White space (Java's and Unicode's space separators, as Python's {@code str.split()} cuts at),
   * and en and em dashes. Surrogates are never separators, so a char test is enough.
   */
  private static boolean isSeparator(char c) {
    if (c < 128) {
      return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F);
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085'
        || c == '\u2013' || c == '\u2014';
  }

  private static boolean isPunctuation(int cp) {
    if (cp < 128) {
      return ASCII_PUNCTUATION.indexOf(cp) >= 0;
    }
    switch (Character.getType(cp)) {
      case Character.CONNECTOR_PUNCTUATION:
      case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION:
      case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION:
      case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
        return true;
      default:
        return false;
    }
  }

  /** Python's {@code str.isupper()}: some cased character, and none in lower or title case. */
  private static boolean isUpper(String s) {
    boolean cased = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLowerCase(cp) || Character.isTitleCase(cp)) {
        return false;
      }
      cased |= Character.isUpperCase(cp);
      i += Character.charCount(cp);
    }
    return cased;
  }
}
