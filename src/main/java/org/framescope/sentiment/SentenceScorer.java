package org.framescope.sentiment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.framescope.text.Token;

/**
 * A rule-based sentence sentiment scorer in the spirit of VADER (Hutto & Gilbert, "VADER: A
 * Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM 2014),
 * written from the paper's description of its rules. For each sentiment-bearing unit of a
 * sentence — a word of the valence lexicon, one of its phrases, or an idiom — in this order:
 *
 * <ol>
 *   <li><b>Valence</b>: the lexicon's mean rating, in [-4, 4]. A negator with a valence of its
 *       own ("no") counts as a negator when the next word is sentiment-bearing, as a word
 *       otherwise.
 *   <li><b>Capitalisation</b>: a word in capitals in a sentence that is not all capitals gains
 *       {@value #CAPS} in magnitude.
 *   <li><b>Degree modifiers</b>: each booster (dampener) among the three words before adds
 *       (removes) {@value #BOOST} in magnitude, times 1, 0.95 and 0.9 by distance.
 *   <li><b>Negation</b>: a negator among the three words before multiplies by {@value #NEGATE}.
 *   <li><b>Contrast</b>: before the first "but" a unit weighs 0.5, after it 1.5.
 * </ol>
 *
 * The units' sum is then pushed away from zero by punctuation emphasis ({@value #EXCLAIM} for
 * each '!' up to four; for two or three '?', {@value #QUESTION} each, and {@value #QUESTIONS}
 * for more) and normalised into the compound score {@code s / sqrt(s² + }{@value #ALPHA}{@code )}
 * in [-1, 1]. The constants are the paper's. Scores are for sentences: summed over a long text
 * the compound saturates at ±1, so an article's tone is an aggregate of its sentences' scores.
 */
public final class SentenceScorer implements Serializable {
  private static final long serialVersionUID = 1L;

  static final double BOOST = 0.293;
  static final double CAPS = 0.733;
  static final double NEGATE = -0.74;
  static final double EXCLAIM = 0.292;
  static final double QUESTION = 0.18;
  static final double QUESTIONS = 0.96;
  static final double ALPHA = 15;
  static final double BEFORE_BUT = 0.5;
  static final double AFTER_BUT = 1.5;
  private static final double[] DECAY = {1.0, 0.95, 0.9};

  private final ValenceLexicon lexicon;
  private final Modifiers modifiers;

  public SentenceScorer(ValenceLexicon lexicon) {
    this.lexicon = lexicon;
    this.modifiers = Modifiers.defaults();
  }

  public static SentenceScorer builtin() {
    return new SentenceScorer(ValenceLexicon.builtin());
  }

  /** One sentiment-bearing unit and how the rules changed its valence. */
  public record Contribution(String text, double valence, double score, List<String> rules)
      implements Serializable {}

  /** A sentence's score, with the rules that made it. */
  public record Score(double compound, double sum, double punctuation,
      List<Contribution> contributions) implements Serializable {}

  /** What a stretch of words is to the rules. */
  private record Unit(int first, int last, Double valence, Modifiers.Kind modifier,
      boolean negator, boolean contrast) {}

  /**
   * Scores the sentence whose tokens are {@code tokens} in {@code text}, with the rules that
   * made the score (what the {@code sentiment} command prints).
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
    List<Token> words = new ArrayList<>();
    int exclaims = 0;
    int questions = 0;
    for (Token t : tokens) {
      if (t.isWord()) {
        words.add(t);
      } else if ("!".equals(t.norm())) {
        exclaims++;
      } else if ("?".equals(t.norm())) {
        questions++;
      }
    }
    List<Unit> units = units(words);
    boolean mixedCase = isMixedCase(text, words);
    int butAt = -1;
    for (int u = 0; u < units.size(); u++) {
      if (units.get(u).contrast()) {
        butAt = u;
        break;
      }
    }
    List<Contribution> contributions = explain ? new ArrayList<>() : List.of();
    double sum = 0;
    for (int u = 0; u < units.size(); u++) {
      Unit unit = units.get(u);
      if (unit.valence() == null) {
        continue;
      }
      List<String> rules = explain ? new ArrayList<>() : null;
      double v = unit.valence();
      if (mixedCase && unit.first() == unit.last() && isCaps(text, words.get(unit.first()))) {
        v += Math.signum(v) * CAPS;
        if (explain) {
          rules.add(String.format("capitals %+.3f", Math.signum(v) * CAPS));
        }
      }
      for (int k = 1; k <= 3 && u - k >= 0; k++) {
        Unit before = units.get(u - k);
        if (before.modifier() == Modifiers.Kind.BOOSTER
            || before.modifier() == Modifiers.Kind.DAMPENER) {
          double b = (before.modifier() == Modifiers.Kind.BOOSTER ? BOOST : -BOOST)
              * DECAY[k - 1] * Math.signum(v);
          v += b;
          if (explain) {
            rules.add(String.format("%s '%s' %+.3f",
                before.modifier() == Modifiers.Kind.BOOSTER ? "booster" : "dampener",
                span(text, words, before), b));
          }
        }
      }
      for (int k = 1; k <= 3 && u - k >= 0; k++) {
        Unit before = units.get(u - k);
        if (before.negator()) {
          v *= NEGATE;
          if (explain) {
            rules.add(String.format("negated by '%s' x%.2f", span(text, words, before), NEGATE));
          }
          break;
        }
      }
      if (butAt >= 0) {
        double w = u < butAt ? BEFORE_BUT : AFTER_BUT;
        v *= w;
        if (explain) {
          rules.add(String.format("%s 'but' x%.1f", u < butAt ? "before" : "after", w));
        }
      }
      sum += v;
      if (explain) {
        contributions.add(new Contribution(span(text, words, unit), unit.valence(), v, rules));
      }
    }
    double punctuation = 0;
    if (sum != 0) {
      punctuation = Math.min(exclaims, 4) * EXCLAIM
          + (questions > 3 ? QUESTIONS : questions > 1 ? questions * QUESTION : 0);
    }
    double total = sum + Math.signum(sum) * punctuation;
    double compound = total / Math.sqrt(total * total + ALPHA);
    return new Score(Math.max(-1, Math.min(1, compound)), total,
        Math.signum(sum) * punctuation, contributions);
  }

  /** Cuts the words into units: idioms and phrases first (longest), then single words. */
  private List<Unit> units(List<Token> words) {
    List<Unit> out = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      String norm = words.get(i).norm();
      Unit u = phraseAt(words, i);
      if (u == null) {
        Modifiers.Unit m = modifiers.singleWord.get(norm);
        Double valence = lexicon.word(norm);
        boolean negator = modifiers.isNegator(norm);
        boolean contrast = modifiers.contrasts.contains(norm);
        if (negator && valence != null) {
          // "no" is a word of its own only when no sentiment-bearing word follows it.
          boolean next = i + 1 < words.size() && (lexicon.word(words.get(i + 1).norm()) != null
              || phraseAt(words, i + 1) != null);
          if (next) {
            valence = null;
          } else {
            negator = false;
          }
        }
        if (m != null && m.kind() != Modifiers.Kind.IDIOM) {
          u = new Unit(i, i, null, m.kind(), false, false);
        } else if (m != null) {
          u = new Unit(i, i, m.value() == 0 ? null : m.value(), null, false, false);
        } else {
          u = new Unit(i, i, negator || contrast ? null : valence, null, negator, contrast);
        }
      }
      out.add(u);
      i = u.last() + 1;
    }
    return out;
  }

  private Unit phraseAt(List<Token> words, int i) {
    String norm = words.get(i).norm();
    for (Modifiers.Unit m : modifiers.phrases.getOrDefault(norm, List.of())) {
      if (matches(m.tokens(), words, i)) {
        int last = i + m.tokens().length - 1;
        return m.kind() == Modifiers.Kind.IDIOM
            ? new Unit(i, last, m.value() == 0 ? null : m.value(), null, false, false)
            : new Unit(i, last, null, m.kind(), false, false);
      }
    }
    for (ValenceLexicon.Phrase p : lexicon.phrasesStartingWith(norm)) {
      if (matches(p.tokens(), words, i)) {
        return new Unit(i, i + p.tokens().length - 1, p.valence(), null, false, false);
      }
    }
    return null;
  }

  private static boolean matches(String[] forms, List<Token> words, int i) {
    if (i + forms.length > words.size()) {
      return false;
    }
    for (int k = 0; k < forms.length; k++) {
      if (!words.get(i + k).norm().equals(forms[k])) {
        return false;
      }
    }
    return true;
  }

  private static String span(String text, List<Token> words, Unit u) {
    return text.substring(words.get(u.first()).start(), words.get(u.last()).end());
  }

  private static boolean isCaps(String text, Token t) {
    boolean letters = false;
    for (int i = t.start(); i < t.end(); i++) {
      char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters |= Character.isUpperCase(c);
    }
    return letters && t.end() - t.start() > 1;
  }

  private static boolean isMixedCase(String text, List<Token> words) {
    int caps = 0;
    int cased = 0;
    for (Token t : words) {
      boolean anyLetter = false;
      for (int i = t.start(); i < t.end() && !anyLetter; i++) {
        anyLetter = Character.isLetter(text.charAt(i));
      }
      if (anyLetter && t.end() - t.start() > 1) {
        cased++;
        if (isCaps(text, t)) {
          caps++;
        }
      }
    }
    return caps > 0 && caps < cased;
  }
}
