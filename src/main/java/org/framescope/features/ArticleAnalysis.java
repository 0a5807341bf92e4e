package org.framescope.features;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.framescope.lexicon.Entry;
import org.framescope.lexicon.Lexicon;
import org.framescope.lexicon.TermMatcher;
import org.framescope.sentiment.SentenceScorer;
import org.framescope.sentiment.ValenceLexicon;
import org.framescope.text.Attribution;
import org.framescope.text.AttributionRules;
import org.framescope.text.Token;
import org.framescope.text.Tokenizer;
import org.framescope.text.Voice;
import org.framescope.text.VoicedText;

/**
 * The one analysis of an article: everything framescope measures per article, read off its
 * {@link VoicedText} in one walk over its sentences. Pure Java, so it is tested on literal
 * sentences; {@link AnalysisPass} runs it over a Dataset.
 *
 * <ul>
 *   <li><b>Term hits</b>: the axis and frame entries of the lexicon, with their voice (the voice
 *       of their first token), sentence and character offsets.
 *   <li><b>Article statistics</b>: the body's sentences, the words of each voice and the pairs
 *       of adjacent own-voice words (what the counts of pairs are rates of).
 *   <li><b>Sentence tone</b>: a sentence that mixes the outlet's words and a quotation ("'The
 *       regime will fall,' a rebel said.") is cut where the voice of its words changes, and each
 *       part is scored on its own ({@link SentenceScorer#compound}): the outlet's tone is never
 *       the tone of the officials it quotes. Punctuation belongs to the part it follows.
 *   <li><b>Actor mentions</b>: every part that names an actor (through any of its entries)
 *       credits its compound to that actor, once, in the part's voice; a part naming two actors
 *       counts for both. Known limits: the score is the whole part's, not the tone toward the
 *       actor ("Russia condemned the massacre" counts against Russia as much as against the
 *       perpetrators); pronouns ("he", "the government") are not mentions.
 *   <li><b>Attributions</b>: the {@link VoicedText#quotes()}, each speaker given the first
 *       lexicon actor its words name ("Turkey's presidential spokesman" is Turkey), or else its
 *       resolved name does ("he", resolved to Erdogan).
 *   <li><b>Own-voice term counts</b> (original articles only, into a {@link TermCounter}):
 *       every word of the headline and body outside quotations, and every pair of such words
 *       adjacent in a sentence (a hyphen allowed between them, any other punctuation or a quoted
 *       word breaking the pair) but pairs with a stop word.
 *   <li><b>Story terms</b> (original articles only, when asked): the content words of the
 *       headline and of the body's first {@value #STORY_WORDS} words, in every voice (a story's
 *       facts and names are in its quotations too), in order and with repeats: words of at least
 *       three characters with a letter, stop words left out. What stories are found from.
 * </ul>
 */
public final class ArticleAnalysis {
  /** The body's words whose content words are an article's story terms (a story's lede). */
  public static final int STORY_WORDS = 400;

  private ArticleAnalysis() {}

  /**
   * What the analysis reads besides the text, broadcast: the compiled lexicon, the scorer, the
   * stop words whose pairs are not counted one by one, and the attribution rules (null: none,
   * for measuring what attribution costs).
   */
  public record Models(TermMatcher terms, TermMatcher actors, SentenceScorer scorer,
      Set<String> stopWords, AttributionRules attribution) implements Serializable {

    /** The models of a lexicon and a valence lexicon, with Spark MLlib's English stop words. */
    public static Models of(Lexicon lexicon, ValenceLexicon valence) {
      return new Models(new TermMatcher(lexicon.termEntries()),
          new TermMatcher(lexicon.actorEntries()), new SentenceScorer(valence),
          Set.copyOf(List.of(StopWordsRemover.loadDefaultStopWords("english"))),
          AttributionRules.defaults());
    }

    /** The same models without attribution. */
    public Models withoutAttribution() {
      return new Models(terms, actors, scorer, stopWords, null);
    }
  }

  /** A hit, ready to become a row of {@code term_hits}. */
  public record Hit(Entry entry, String matched, Voice voice, int sentenceIndex, int charStart,
      int charEnd) {}

  /** A scored sentence part. */
  public record Part(int sentenceIndex, Voice voice, double compound) {}

  /** An actor named in a part. */
  public record Mention(String actor, Voice voice, int sentenceIndex, double compound) {}

  /** An attribution and the actor its speaker names, or null. */
  public record Said(Attribution.Quote quote, String speakerActor) {}

  /** The measures of one article. */
  public record Result(int nSentences, int nTokensHeadline, int nTokensOutlet,
      int nTokensReported, int nTokensQuoted, int nPairsOwn, List<Hit> hits, List<Part> parts,
      List<Mention> mentions, List<Said> quotes, List<String> storyTerms) {}

  /**
   * Analyses {@code text}; counts its own-voice terms for {@code source} into {@code terms}
   * unless that is null (a duplicate's words are not counted again), and lists its story terms
   * when {@code storyTerms} (else they are null).
   */
  public static Result analyze(VoicedText text, Models models, String source,
      TermCounter terms, boolean storyTerms) {
    List<String> story = storyTerms ? new ArrayList<>() : null;
    int bodyWords = 0;
    List<Hit> hits = new ArrayList<>();
    List<Part> parts = new ArrayList<>();
    List<Mention> mentions = new ArrayList<>();
    int[] words = new int[Voice.values().length];
    int pairs = 0;
    for (VoicedText.Sentence s : text.sentences()) {
      List<Token> tokens = s.tokens();
      Voice[] voices = s.voices();
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        if (t.isWord()) {
          words[voices[i].ordinal()]++;
          boolean headline = voices[i] == Voice.HEADLINE;
          if (story != null && (headline || bodyWords < STORY_WORDS)
              && isContentWord(t.norm(), models.stopWords())) {
            story.add(t.norm());
          }
          bodyWords += headline ? 0 : 1;
        }
      }
      for (TermMatcher.Match m : models.terms().match(tokens)) {
        int start = tokens.get(m.first()).start();
        int end = tokens.get(m.last()).end();
        hits.add(new Hit(m.entry(), s.text().substring(start, end), voices[m.first()],
            s.index(), start, end));
      }
      tone(s, models, parts, mentions);
      pairs += TermCounter.ownPairs(tokens, voices);
      if (terms != null) {
        terms.count(source, tokens, voices);
      }
    }
    List<Said> quotes = new ArrayList<>(text.quotes().size());
    for (Attribution.Quote q : text.quotes()) {
      String actor = null;
      // The speaker as written names the actor, or else its resolved name ("he": Erdogan).
      for (String who : new String[] {q.speaker(), q.speakerName()}) {
        if (actor == null && who != null) {
          List<TermMatcher.Match> named = models.actors().match(Tokenizer.tokenize(who));
          actor = named.isEmpty() ? null : named.get(0).entry().name();
        }
      }
      quotes.add(new Said(q, actor));
    }
    return new Result(text.bodySentences(), words[Voice.HEADLINE.ordinal()],
        words[Voice.OUTLET.ordinal()], words[Voice.REPORTED.ordinal()],
        words[Voice.QUOTED.ordinal()], pairs, hits, parts, mentions, quotes, story);
  }

  /** A word of at least three characters, one a letter, and not a stop word. */
  static boolean isContentWord(String norm, Set<String> stopWords) {
    if (norm.length() < 3 || stopWords.contains(norm)) {
      return false;
    }
    for (int i = 0; i < norm.length(); i++) {
      if (Character.isLetter(norm.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Cuts one sentence where the voice of its words changes, scores each part, credits actors. */
  private static void tone(VoicedText.Sentence s, Models models, List<Part> parts,
      List<Mention> mentions) {
    List<Token> tokens = s.tokens();
    Voice[] voices = s.voices();
    List<Integer> starts = new ArrayList<>();
    List<Voice> partVoices = new ArrayList<>();
    Voice current = null;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isWord() && voices[i] != current) {
        starts.add(current == null ? 0 : i);
        partVoices.add(voices[i]);
        current = voices[i];
      }
    }
    if (current == null) {
      return;
    }
    double[] compounds = new double[starts.size()];
    for (int p = 0; p < starts.size(); p++) {
      int to = p + 1 < starts.size() ? starts.get(p + 1) : tokens.size();
      compounds[p] = models.scorer().compound(s.text(), tokens.subList(starts.get(p), to));
      parts.add(new Part(s.index(), partVoices.get(p), compounds[p]));
    }
    Set<String> seen = new HashSet<>();
    for (TermMatcher.Match m : models.actors().match(tokens)) {
      int p = 0;
      while (p + 1 < starts.size() && m.first() >= starts.get(p + 1)) {
        p++;
      }
      if (seen.add(p + "\u0001" + m.entry().name())) {
        mentions.add(new Mention(m.entry().name(), partVoices.get(p), s.index(), compounds[p]));
      }
    }
  }
}
