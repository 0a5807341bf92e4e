package org.framescope.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sentences over a {@link Vocabulary}: a small phrase grammar (noun phrases with determiners,
 * adjectives and compounds; verb groups with auxiliaries and negation; prepositional phrases;
 * clauses joined by conjunctions) that gives generated text the word pairs of prose, not of
 * words drawn one by one. Each article has a {@link Cast}: its topic words and the people and
 * places it keeps returning to, which makes words bursty within an article as in news.
 *
 * <p>Three kinds of sentence: the outlet's narrative, reported speech ("X said (that) ...",
 * "..., X said.", "According to X, ...": no quote marks), and direct quotation in its usual forms
 * (a quoted clause before its attribution, after "X said:", two quoted sentences, a quoted
 * phrase). A planted slot is a lexicon entry set in a noun phrase as "the ENTRY", followed by a
 * word that belongs to no entry, so that it is found exactly once and never merges with its
 * neighbours into another entry.
 */
final class Prose {
  /** Median sentence length in words, and the spread of its logarithm. */
  static final double SENTENCE_MEDIAN = 20;
  static final double SENTENCE_SIGMA = 0.45;

  private final Vocabulary v;
  private final Vocabulary.Zipf slotFollowers;

  /**
   * @param slotFollowers words that may follow a planted entry: words of no lexicon entry
   */
  Prose(Vocabulary v, Vocabulary.Zipf slotFollowers) {
    this.v = v;
    this.slotFollowers = slotFollowers;
  }

  /** An article's recurring words: its topic, its people and its places. */
  record Cast(String[] topic, String[] topicVerbs, String[] people, String[] surnames, String[] roles,
      String[] places, boolean curlyQuotes) {}

  Cast cast(SplittableRandom r, boolean curlyQuotes) {
    String[] topic = new String[8 + r.nextInt(8)];
    for (int i = 0; i < topic.length; i++) {
      topic[i] = v.nouns.draw(r);
    }
    String[] topicVerbs = new String[2 + r.nextInt(4)];
    for (int i = 0; i < topicVerbs.length; i++) {
      topicVerbs[i] = v.verbs.draw(r);
    }
    int n = 2 + r.nextInt(4);
    String[] people = new String[n];
    String[] surnames = new String[n];
    String[] roles = new String[n];
    for (int i = 0; i < n; i++) {
      surnames[i] = v.surnames.draw(r);
      people[i] = v.givenNames.draw(r) + " " + surnames[i];
      roles[i] = v.roles.draw(r);
    }
    String[] places = new String[1 + r.nextInt(3)];
    for (int i = 0; i < places.length; i++) {
      places[i] = r.nextInt(3) == 0 ? v.surnames.draw(r)
          : v.surnames.draw(r) + " " + Vocabulary.capitalise(v.nouns.draw(r));
    }
    return new Cast(topic, topicVerbs, people, surnames, roles, places, curlyQuotes);
  }

  /** The cast with its first topic words replaced by {@code shared} (a topic's words). */
  static Cast onTopic(Cast c, String[] shared) {
    String[] topic = c.topic().clone();
    System.arraycopy(shared, 0, topic, 0, Math.min(shared.length, topic.length));
    return new Cast(topic, c.topicVerbs(), c.people(), c.surnames(), c.roles(), c.places(),
        c.curlyQuotes());
  }

  /** The same cast in another outlet's quotation marks. */
  static Cast withQuotes(Cast c, boolean curlyQuotes) {
    return new Cast(c.topic(), c.topicVerbs(), c.people(), c.surnames(), c.roles(), c.places(),
        curlyQuotes);
  }

  /** {@code n} nouns of a topic. */
  String[] topicWords(SplittableRandom r, int n) {
    String[] w = new String[n];
    for (int i = 0; i < n; i++) {
      w[i] = v.nouns.draw(r);
    }
    return w;
  }

  /** A sentence in the outlet's own voice; {@code slot} (may be null) is planted in it. */
  String narrative(SplittableRandom r, Cast c, String slot) {
    return sentence(clauses(r, c, targetLength(r), slot), ".");
  }

  /** Reported speech: attributed to a speaker by a reporting verb, without quote marks. */
  String reported(SplittableRandom r, Cast c) {
    String clause = clauses(r, c, targetLength(r) - 4, null);
    switch (r.nextInt(5)) {
      case 0:
        return sentence(says(speaker(r, c), v.reportingVerbs.draw(r))
            + (r.nextBoolean() ? " that " : " ") + clause, ".");
      case 1:
        return sentence(clause + ", " + says(speaker(r, c), v.reportingVerbs.draw(r)), ".");
      case 2:
        return sentence("according to " + speaker(r, c) + ", " + clause, ".");
      case 3:
        return sentence("in a statement, " + says(speaker(r, c), "said") + " " + clause, ".");
      default:
        return sentence(says(speaker(r, c), pick(r, "warned", "argued", "claimed", "insisted",
            "denied", "acknowledged")) + " that " + clause, ".");
    }
  }

  /** A direct quotation and its attribution; {@code slot} (may be null) is in the quoted words. */
  String quoted(SplittableRandom r, Cast c, String slot) {
    String open = c.curlyQuotes() ? "\u201C" : "\"";
    String close = c.curlyQuotes() ? "\u201D" : "\"";
    int form = slot == null ? r.nextInt(4) : r.nextInt(3);
    String inner = clauses(r, c, targetLength(r) - 3, slot);
    switch (form) {
      case 0:
        return open + capitalise(inner) + "," + close + " "
            + says(speaker(r, c), v.reportingVerbs.draw(r)) + ".";
      case 1:
        return sentence(says(speaker(r, c), "said:") + " " + open + capitalise(inner) + "."
            + close, "");
      case 2:
        return open + capitalise(inner) + ". " + capitalise(clauses(r, c, targetLength(r), null))
            + "," + close + " " + says(speaker(r, c), "added") + ".";
      default:
        return sentence(says(speaker(r, c), "described") + " the " + noun(r, c) + " as " + open
            + v.adjectives.draw(r) + " " + noun(r, c) + close, ".");
    }
  }

  /** A short paragraph that introduces a block quotation ("X told reporters:"). */
  String blockIntro(SplittableRandom r, Cast c) {
    return sentence(says(speaker(r, c), pick(r, "told reporters", "said in a statement",
        "wrote", "said")), ":");
  }

  /** The quoted paragraph after {@link #blockIntro}. */
  String blockQuote(SplittableRandom r, Cast c, String slot) {
    String open = c.curlyQuotes() ? "\u201C" : "\"";
    String close = c.curlyQuotes() ? "\u201D" : "\"";
    return open + sentence(clauses(r, c, targetLength(r), slot), ".") + " "
        + sentence(clauses(r, c, targetLength(r), null), ".") + close;
  }

  String headline(SplittableRandom r, Cast c, boolean titleCase) {
    List<String> w = new ArrayList<>();
    w.add(c.places()[r.nextInt(c.places().length)]);
    w.add(v.verbs.draw(r));
    if (r.nextBoolean()) {
      w.add(v.adjectives.draw(r));
    }
    w.add(noun(r, c));
    w.add(pick(r, "as", "after", "amid", "over"));
    w.add(noun(r, c));
    w.add(v.verbs.draw(r));
    String h = String.join(" ", w);
    if (!titleCase) {
      return capitalise(h);
    }
    StringBuilder b = new StringBuilder();
    for (String word : h.split(" ")) {
      if (b.length() > 0) {
        b.append(' ');
      }
      b.append(capitalise(word));
    }
    return b.toString();
  }

  /** The reporters of a credit line: "Given Surname and Given Surname". */
  String byline(SplittableRandom r) {
    return v.givenNames.draw(r) + " " + v.surnames.draw(r) + " and " + v.givenNames.draw(r) + " "
        + v.surnames.draw(r);
  }

  /** How many words a sentence aims at: log-normal around {@value #SENTENCE_MEDIAN}. */
  static int targetLength(SplittableRandom r) {
    double z = gaussian(r);
    return (int) Math.max(6, Math.min(70, Math.round(SENTENCE_MEDIAN
        * Math.exp(SENTENCE_SIGMA * z))));
  }

  /** One or more clauses joined by a conjunction, about {@code target} words long. */
  private String clauses(SplittableRandom r, Cast c, int target, String slot) {
    StringBuilder b = new StringBuilder(clause(r, c, Math.min(target, 10 + r.nextInt(12)), slot));
    int words = count(b);
    while (words < target) {
      String next = clause(r, c, Math.min(target - words, 6 + r.nextInt(12)), null);
      b.append(r.nextInt(3) == 0 ? ", " : " ").append(v.conjunctions.draw(r)).append(' ')
          .append(next);
      words = count(b);
    }
    return b.toString();
  }

  /** Subject, verb group, object, then prepositional phrases up to about {@code target} words. */
  private String clause(SplittableRandom r, Cast c, int target, String slot) {
    List<String> w = new ArrayList<>();
    boolean slotFirst = slot != null && r.nextInt(3) == 0;
    if (slotFirst) {
      w.add("the " + slot + " " + slotFollowers.draw(r) + " " + nounPhrase(r, c));
    } else {
      w.add(subject(r, c));
    }
    w.add(verbGroup(r, c));
    if (slot != null && !slotFirst) {
      w.add("the " + slot + " " + slotFollowers.draw(r) + " " + nounPhrase(r, c));
    } else if (r.nextInt(4) != 0) {
      w.add(nounPhrase(r, c));
    }
    int words = countAll(w);
    while (words < target) {
      w.add(v.prepositions.draw(r) + " " + nounPhrase(r, c));
      words = countAll(w);
    }
    return String.join(" ", w);
  }

  private String subject(SplittableRandom r, Cast c) {
    int k = r.nextInt(10);
    if (k == 0) {
      return v.pronouns.draw(r);
    }
    if (k == 1) {
      return c.surnames()[r.nextInt(c.surnames().length)];
    }
    return nounPhrase(r, c);
  }

  private String verbGroup(SplittableRandom r, Cast c) {
    int k = r.nextInt(6);
    String verb = k == 0 ? v.valenceWords.draw(r)
        : k == 1 ? c.topicVerbs()[r.nextInt(c.topicVerbs().length)] : v.verbs.draw(r);
    StringBuilder b = new StringBuilder();
    if (r.nextBoolean()) {
      b.append(v.auxiliaries.draw(r)).append(' ');
    }
    if (r.nextInt(12) == 0) {
      b.append(v.adverbs.draw(r)).append(' ');
    }
    return b.append(verb).toString();
  }

  private String nounPhrase(SplittableRandom r, Cast c) {
    int k = r.nextInt(20);
    if (k == 0) {
      return c.places()[r.nextInt(c.places().length)];
    }
    if (k == 1) {
      return c.people()[r.nextInt(c.people().length)];
    }
    if (k == 2) {
      int n = 2 + r.nextInt(r.nextBoolean() ? 50 : 5000);
      return (n >= 1000 ? String.format("%,d", n) : String.valueOf(n)) + " " + noun(r, c);
    }
    StringBuilder b = new StringBuilder(v.determiners.draw(r)).append(' ');
    int adjectives = r.nextInt(10) < 4 ? 1 : r.nextInt(10) == 0 ? 2 : 0;
    for (int i = 0; i < adjectives; i++) {
      String adj = r.nextInt(6) == 0 ? v.valenceWords.draw(r) : v.adjectives.draw(r);
      b.append(r.nextInt(40) == 0 ? adj + "-" + v.nouns.draw(r) : adj).append(' ');
    }
    if (r.nextInt(5) == 0) {
      b.append(noun(r, c)).append(' ');
    }
    return b.append(noun(r, c)).toString();
  }

  /** A noun: often one of the article's topic words, sometimes a sentiment-bearing word. */
  private String noun(SplittableRandom r, Cast c) {
    int k = r.nextInt(100);
    if (k < 25) {
      return c.topic()[r.nextInt(c.topic().length)];
    }
    return k < 35 ? v.valenceWords.draw(r) : v.nouns.draw(r);
  }

  /** The person a statement is attributed to: full name and role, a surname or a role. */
  private String speaker(SplittableRandom r, Cast c) {
    int p = r.nextInt(c.people().length);
    switch (r.nextInt(4)) {
      case 0:
        return c.people()[p] + ", " + c.roles()[p];
      case 1:
        return c.roles()[p];
      default:
        return c.surnames()[p];
    }
  }

  /** The speaker and the verb, with the comma an apposition ("X, a minister, said") needs. */
  private static String says(String speaker, String verb) {
    return speaker.indexOf(',') >= 0 ? speaker + ", " + verb : speaker + " " + verb;
  }

  private static String sentence(String body, String end) {
    String s = body.endsWith(",") ? body.substring(0, body.length() - 1) : body;
    return capitalise(s) + end;
  }

  private static String capitalise(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static int count(CharSequence s) {
    int n = 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }

  private static int countAll(List<String> parts) {
    int n = 0;
    for (String p : parts) {
      n += count(p);
    }
    return n;
  }

  static double gaussian(SplittableRandom r) {
    // Box–Muller; SplittableRandom has no nextGaussian.
    double u = 1 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static String pick(SplittableRandom r, String... options) {
    return options[r.nextInt(options.length)];
  }
}
