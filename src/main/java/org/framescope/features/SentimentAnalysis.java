package org.framescope.features;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.framescope.lexicon.TermMatcher;
import org.framescope.schema.TermHitsTable;
import org.framescope.sentiment.SentenceScorer;
import org.framescope.text.Quotes;
import org.framescope.text.TextLayer;
import org.framescope.text.Token;

/**
 * One article's sentence tone and the actors each sentence names. Pure Java; {@link Sentiment}
 * runs it over a Dataset.
 *
 * <p><b>The unit is a sentence in one voice.</b> A sentence that mixes the outlet's words and a
 * quotation ("'The regime will fall,' a rebel said.") is cut where the voice changes, and each
 * part is scored on its own: the outlet's tone is never the tone of the officials it quotes.
 * Punctuation belongs to the part it follows.
 *
 * <p><b>Attribution rule.</b> Every part that mentions an actor (through any of the actor's
 * entries) contributes its compound score to that actor, once, in the part's voice. A part that
 * names two actors counts for both. Known limits: the score is the whole part's, not the tone
 * toward the actor ("Russia condemned the massacre" is dark, and counts against Russia as much as
 * against the perpetrators); pronouns ("he", "the government") that refer to an actor are not
 * mentions; an actor's entry that is also a pole entry ("regime") is both a framing word and a
 * mention.
 */
public final class SentimentAnalysis {
  private SentimentAnalysis() {}

  /** A scored sentence part. */
  public record Part(int sentenceIndex, String voice, double compound) {}

  /** An actor named in a part. */
  public record Mention(String actor, String voice, int sentenceIndex, double compound) {}

  public record Result(List<Part> parts, List<Mention> mentions) {}

  public static Result analyze(String title, String text, TextLayer.Analysis body,
      SentenceScorer scorer, TermMatcher actors) {
    List<Part> parts = new ArrayList<>();
    List<Mention> mentions = new ArrayList<>();
    if (title != null && !title.isBlank()) {
      TextLayer.Analysis head = TextLayer.analyzeHeadline(title);
      sentence(title, head.tokens().get(0), Quotes.inHeadline(title), true, 0, scorer, actors,
          parts, mentions);
    }
    BitSet quoted = Quotes.inBody(text);
    for (int s = 0; s < body.sentences().size(); s++) {
      sentence(text, body.tokens().get(s), quoted, false, s + 1, scorer, actors, parts,
          mentions);
    }
    return new Result(parts, mentions);
  }

  private static void sentence(String text, List<Token> tokens, BitSet quoted, boolean headline,
      int index, SentenceScorer scorer, TermMatcher actors, List<Part> parts,
      List<Mention> mentions) {
    // Cut the sentence where the voice of its words changes.
    List<int[]> ranges = new ArrayList<>();
    List<String> voices = new ArrayList<>();
    String current = null;
    int from = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isWord()) {
        continue;
      }
      String voice = quoted.get(t.start()) ? TermHitsTable.VOICE_QUOTED
          : headline ? TermHitsTable.VOICE_HEADLINE : TermHitsTable.VOICE_OUTLET;
      if (current != null && !voice.equals(current)) {
        ranges.add(new int[] {from, i});
        voices.add(current);
        from = i;
      }
      current = voice;
    }
    if (current == null) {
      return;
    }
    ranges.add(new int[] {from, tokens.size()});
    voices.add(current);

    double[] compounds = new double[ranges.size()];
    for (int p = 0; p < ranges.size(); p++) {
      List<Token> part = tokens.subList(ranges.get(p)[0], ranges.get(p)[1]);
      compounds[p] = scorer.score(text, part).compound();
      parts.add(new Part(index, voices.get(p), compounds[p]));
    }
    Set<String> seen = new LinkedHashSet<>();
    for (TermMatcher.Match m : actors.match(tokens)) {
      int p = 0;
      while (p + 1 < ranges.size() && m.first() >= ranges.get(p + 1)[0]) {
        p++;
      }
      if (seen.add(p + "\u0001" + m.entry().name())) {
        mentions.add(new Mention(m.entry().name(), voices.get(p), index, compounds[p]));
      }
    }
  }
}
