package org.framescope.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.framescope.text.AttributionRules;

/**
 * The generator's words, by the part they play in a sentence, each class drawn from a Zipfian
 * distribution (Zipf–Mandelbrot, {@code p(r) ∝ 1 / (r + q)^s}) so that generated text has the
 * frequency profile of news: a few words in every sentence, a long tail seen once in a million.
 *
 * <ul>
 *   <li>function words (determiners, prepositions, auxiliaries, conjunctions, pronouns): real
 *       English, in their usual order of frequency;
 *   <li>content words (nouns, verbs, adjectives, adverbs): {@value #PSEUDO_WORDS} made-up words
 *       built from syllables (short ones at the frequent ranks, as in every language), and the
 *       valence lexicon's single words, drawn for about one content word in six so that the
 *       sentence scorer meets sentiment-bearing words at the rate it does in news;
 *   <li>names: given names and surnames of people and places, from an open space of syllables,
 *       so that names keep adding types as real news does.
 * </ul>
 *
 * Words a lexicon must only meet in planted slots are left out of every class ({@code
 * forbidden}). Everything is a function of the class lists below, so every executor builds the
 * same vocabulary.
 */
final class Vocabulary {
  static final int PSEUDO_WORDS = 180_000;
  /**
   * The exponent s of the content words (with q = {@value #MANDELBROT}, the most frequent noun is
   * about 2% of nouns). With these the types seen grow as in English text: Heaps' law with the
   * usual K = 44, β = 0.49 gives 38,000 types at a million words and 118,000 at ten million; this
   * vocabulary gives 40,000 and 127,000.
   */
  static final double CONTENT_EXPONENT = 1.4;
  /** The offset q of Zipf–Mandelbrot for content words and names. */
  static final double MANDELBROT = 10;

  static final String[] DETERMINERS = {"the", "a", "its", "their", "this", "an", "his",
      "that", "some", "her", "these", "many", "all", "our", "every", "several", "those", "both",
      "another", "each", "no", "most", "any"};
  static final String[] PREPOSITIONS = {"of", "in", "to", "for", "on", "with", "at", "by",
      "from", "after", "over", "about", "into", "against", "under", "during", "before",
      "between", "since", "through", "near", "without", "outside", "around", "across", "amid",
      "within", "toward", "behind", "beyond", "along", "despite", "among", "until", "beside"};
  static final String[] AUXILIARIES = {"has", "had", "was", "is", "will", "would", "were",
      "have", "could", "are", "may", "might", "should", "must", "can", "did not", "has been",
      "had been", "will not", "is being", "would have", "was not", "could not", "have been"};
  static final String[] CONJUNCTIONS = {"and", "but", "while", "as", "because", "although",
      "after", "when", "since", "though", "before", "where", "until", "even as", "so that"};
  static final String[] PRONOUNS = {"he", "they", "it", "she", "we", "officials", "people",
      "residents", "many", "some", "others", "analysts"};
  static final String[] ADVERBS_COMMON = {"also", "not", "more", "now", "only", "still", "just",
      "already", "again", "very", "even", "never", "later", "soon", "recently", "largely",
      "almost", "nearly", "further", "mostly"};
  static final String[] NOUNS_COMMON = {"people", "year", "week", "day", "time", "city",
      "country", "officials", "police", "report", "talks", "deal", "area", "region", "border",
      "month", "statement", "president", "minister", "group", "members", "plan", "security",
      "support", "aid", "water", "families", "children", "town", "village", "road", "case",
      "court", "election", "party", "power", "policy", "economy", "news", "agency", "meeting",
      "office", "service", "residents", "workers", "prices", "market", "capital", "crisis",
      "war", "peace", "north", "south", "east", "west", "weekend", "morning", "night"};
  /**
   * Common verbs of the narrative. No reporting verb ("said", "warned", "announced"): in news
   * those attribute what follows to a speaker, and the outlet's own sentences must not read as
   * reported speech (reporting verbs are {@link #REPORTING_VERBS}, in attributions only).
   */
  static final String[] VERBS_COMMON = {"made", "took", "met", "left", "began", "saw", "gave",
      "held", "moved", "sent", "found", "reached", "opened", "closed", "expected", "returned",
      "built", "lost", "won", "kept", "brought", "crossed", "entered", "joined", "raised", "cut",
      "signed", "struck", "seized", "hit"};
  static final String[] ADJECTIVES_COMMON = {"new", "other", "former", "local", "last", "first",
      "national", "large", "recent", "second", "public", "major", "foreign", "senior", "main",
      "several", "early", "late", "small", "key", "regional", "northern", "southern", "eastern",
      "western", "few", "high", "long", "full", "next", "international", "official", "possible"};
  static final String[] REPORTING_VERBS = {"said", "told reporters", "said on Monday",
      "added", "warned", "argued", "claimed", "insisted", "noted", "stressed", "denied",
      "confirmed", "announced", "acknowledged", "wrote", "explained", "said in a statement"};
  static final String[] ROLES = {"a regional governor", "the foreign minister",
      "a senior envoy", "the defence ministry", "a local commander", "an aid coordinator",
      "a presidential adviser", "a ministry spokesman", "the interior minister",
      "a police spokeswoman", "a senior diplomat", "an opposition lawmaker", "the mayor",
      "a United Nations official", "a hospital director", "a local council member"};
  static final String[] GIVEN = {"Ahmad", "Layla", "Omar", "Rania", "Yusuf", "Huda", "Karim",
      "Samira", "Tariq", "Dalia", "Nabil", "Salma", "Faris", "Mona", "Ziad", "Hiba", "Walid",
      "Nour", "Bassam", "Rima", "John", "Maria", "David", "Elena", "Peter", "Anna", "Michael",
      "Sofia", "James", "Olga", "Daniel", "Irina", "Thomas", "Leila", "Mark", "Fatima", "Paul",
      "Amira", "Sergei", "Nadia", "Hassan", "Julia", "Ali", "Sara", "Mehmet", "Ayse", "Ivan",
      "Lucia", "Kemal", "Yara"};
  private static final String[] ONSETS = {"b", "d", "f", "g", "h", "k", "l", "m", "n", "p",
      "r", "s", "t", "v", "w", "z", "ch", "sh", "th", "st", "tr", "br", "pl", "gr", "cl", "dr"};
  private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "io",
      "ie"};
  private static final String[] CODAS = {"", "", "", "n", "r", "s", "t", "l", "m", "nd", "st",
      "ck", "rt", "ng"};

  final Zipf determiners;
  final Zipf prepositions;
  final Zipf auxiliaries;
  final Zipf conjunctions;
  final Zipf pronouns;
  final Zipf roles;
  final Zipf reportingVerbs;
  final Zipf nouns;
  final Zipf verbs;
  final Zipf adjectives;
  final Zipf adverbs;
  final Zipf valenceWords;
  final Zipf surnames;
  final Zipf givenNames;

  /**
   * @param valence the valence lexicon's single words, in the lexicon's order
   * @param forbidden words never to produce (a lexicon's first tokens and context words)
   */
  Vocabulary(List<String> valence, Predicate<String> forbidden) {
    Predicate<String> ok = w -> !forbidden.test(w.toLowerCase(Locale.ROOT));
    // Function words by their usual frequency: steeply for the few that fill most sentences.
    determiners = new Zipf(keep(DETERMINERS, ok), 1.5, 0);
    prepositions = new Zipf(keep(PREPOSITIONS, ok), 1.2, 0);
    auxiliaries = new Zipf(keep(AUXILIARIES, ok), 1.1, 0);
    conjunctions = new Zipf(keep(CONJUNCTIONS, ok), 1.3, 0);
    pronouns = new Zipf(keep(PRONOUNS, ok), 1.2, 0);
    roles = new Zipf(keep(ROLES, ok), 0.5, 0);
    reportingVerbs = new Zipf(keep(REPORTING_VERBS, ok), 1.3, 0);
    Set<String> taken = new HashSet<>();
    for (String[] list : new String[][] {DETERMINERS, PREPOSITIONS, AUXILIARIES, CONJUNCTIONS,
        PRONOUNS, ADVERBS_COMMON, NOUNS_COMMON, VERBS_COMMON, ADJECTIVES_COMMON}) {
      taken.addAll(Arrays.asList(list));
    }
    List<String> vwords = new ArrayList<>();
    // Reporting verbs ("deny", "warn") stay out of the narrative: they would make it reported
    // speech (org.framescope.text.Attribution).
    AttributionRules cues = AttributionRules.defaults();
    for (String w : valence) {
      if (w.length() >= 3 && w.chars().allMatch(Character::isLetter) && ok.test(w)
          && !obscene(w) && !cues.isCue(w) && taken.add(w)) {
        vwords.add(w);
      }
    }
    // A fixed shuffle, so the valence words' ranks do not follow the lexicon's alphabet.
    shuffle(vwords, new SplittableRandom(0x5EED));
    valenceWords = new Zipf(vwords.toArray(new String[0]), 1.0, MANDELBROT);
    SplittableRandom r = new SplittableRandom(0xC0FFEE);
    // Shares of the made-up words: nouns, verbs, adjectives, adverbs.
    int[] sizes = {PSEUDO_WORDS * 55 / 100, PSEUDO_WORDS * 20 / 100, PSEUDO_WORDS * 20 / 100,
        PSEUDO_WORDS * 5 / 100};
    String[][] common = {NOUNS_COMMON, VERBS_COMMON, ADJECTIVES_COMMON, ADVERBS_COMMON};
    String[] suffixes = {"", "ed", "", "ly"};
    Zipf[] classes = new Zipf[4];
    for (int c = 0; c < 4; c++) {
      List<String> words = new ArrayList<>(keepList(common[c], ok));
      while (words.size() < sizes[c]) {
        String w = pseudoWord(r, words.size()) + suffixes[c];
        if (ok.test(w) && taken.add(w)) {
          words.add(w);
        }
      }
      classes[c] = new Zipf(words.toArray(new String[0]), CONTENT_EXPONENT, MANDELBROT);
    }
    nouns = classes[0];
    verbs = classes[1];
    adjectives = classes[2];
    adverbs = classes[3];
    List<String> sur = new ArrayList<>();
    while (sur.size() < 40_000) {
      String w = capitalise(pseudoWord(r, 2000 + sur.size()))
          + (r.nextInt(6) == 0 ? new String[] {"i", "ov", "son", "ez", "ani", "er"}[r.nextInt(6)]
              : "");
      if (ok.test(w) && taken.add(w.toLowerCase(Locale.ROOT))) {
        sur.add(w);
      }
    }
    surnames = new Zipf(sur.toArray(new String[0]), 0.8, MANDELBROT);
    List<String> given = new ArrayList<>(keepList(GIVEN, ok));
    while (given.size() < 600) {
      String w = capitalise(pseudoWord(r, 400 + given.size()));
      if (ok.test(w) && taken.add(w.toLowerCase(Locale.ROOT))) {
        given.add(w);
      }
    }
    givenNames = new Zipf(given.toArray(new String[0]), 0.9, MANDELBROT);
  }

  /** How many distinct words the classes can produce (names excluded: they are unbounded). */
  int size() {
    return nouns.words.length + verbs.words.length + adjectives.words.length
        + adverbs.words.length + valenceWords.words.length + determiners.words.length
        + prepositions.words.length + auxiliaries.words.length + conjunctions.words.length
        + pronouns.words.length;
  }

  /**
   * A made-up word for frequency rank {@code rank}: one or two syllables near the top, up to
   * four in the tail, so frequent words are short.
   */
  private static String pseudoWord(SplittableRandom r, int rank) {
    int syllables = rank < 400 ? 1 + r.nextInt(2) : rank < 20_000 ? 2 + r.nextInt(2)
        : 2 + r.nextInt(3);
    StringBuilder b = new StringBuilder();
    for (int s = 0; s < syllables; s++) {
      b.append(ONSETS[r.nextInt(ONSETS.length)]).append(VOWELS[r.nextInt(VOWELS.length)]);
    }
    b.append(CODAS[r.nextInt(CODAS.length)]);
    return b.toString();
  }

  /** The valence lexicon's slang for body parts and insults: news prints little of it. */
  private static boolean obscene(String w) {
    for (String stem : new String[] {"fuck", "shit", "bitch", "cunt", "dickhead", "whore", "slut",
        "bastard", "piss", "asshole", "damn", "motherf"}) {
      if (w.startsWith(stem) || w.contains(stem) && stem.length() > 4) {
        return true;
      }
    }
    return false;
  }

  static String capitalise(String w) {
    return Character.toUpperCase(w.charAt(0)) + w.substring(1);
  }

  private static String[] keep(String[] words, Predicate<String> ok) {
    return keepList(words, ok).toArray(new String[0]);
  }

  private static List<String> keepList(String[] words, Predicate<String> ok) {
    List<String> out = new ArrayList<>();
    for (String w : words) {
      boolean all = true;
      for (String part : w.split(" ")) {
        all &= ok.test(part);
      }
      if (all) {
        out.add(w);
      }
    }
    return out;
  }

  private static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  /** Words drawn with Zipf–Mandelbrot probabilities by rank, by inverting the cumulative sum. */
  static final class Zipf {
    final String[] words;
    private final double[] cumulative;

    Zipf(String[] words, double exponent, double offset) {
      if (words.length == 0) {
        throw new IllegalArgumentException("a word class with no words");
      }
      this.words = words;
      this.cumulative = new double[words.length];
      double c = 0;
      for (int i = 0; i < words.length; i++) {
        c += 1.0 / Math.pow(i + 1 + offset, exponent);
        cumulative[i] = c;
      }
    }

    String draw(SplittableRandom r) {
      double u = r.nextDouble() * cumulative[cumulative.length - 1];
      int i = Arrays.binarySearch(cumulative, u);
      return words[i >= 0 ? i : Math.min(words.length - 1, -i - 1)];
    }
  }
}
