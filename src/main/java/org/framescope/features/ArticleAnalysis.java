package org.framescope.features;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.framescope.lexicon.Entry;
import org.framescope.lexicon.TermMatcher;
import org.framescope.schema.TermHitsTable;
import org.framescope.text.Quotes;
import org.framescope.text.TextLayer;
import org.framescope.text.Token;

/**
 * One article's framing features, computed in one pass over its text: the voice of every token,
 * the lexicon hits with their voice and sentence, and the word counts per voice. Pure Java, so
 * it is tested on literal sentences; {@link TermHits} runs it over a Dataset.
 *
 * <p>Voices: {@code headline} is the title in the outlet's own words, {@code outlet} the body text
 * in its own words, {@code quoted} anything inside a quotation (see {@link Quotes}) in either. A
 * hit takes the voice of its first character. Sentence 0 is the headline; the body's sentences
 * are numbered from 1. Offsets of headline hits are into the title, all others into the text.
 */
public final class ArticleAnalysis {
  private ArticleAnalysis() {}

  /** A hit, ready to become a row of {@code term_hits}. */
  public record Hit(Entry entry, String matched, String voice, int sentenceIndex, int charStart,
      int charEnd) {}

  /** The features of one article. */
  public record Result(int nSentences, int nTokensHeadline, int nTokensOutlet, int nTokensQuoted,
      List<Hit> hits) {}

  /**
   * @param title the headline, or null
   * @param text the cleaned body text
   * @param body the body's sentences and tokens, from whichever text layer
   */
  public static Result analyze(String title, String text, TextLayer.Analysis body,
      TermMatcher matcher) {
    List<Hit> hits = new ArrayList<>();
    int[] counts = new int[3];
    if (title != null && !title.isBlank()) {
      TextLayer.Analysis head = TextLayer.analyzeHeadline(title);
      collect(title, head.tokens().get(0), Quotes.inHeadline(title), true, 0, matcher, hits,
          counts);
    }
    BitSet quoted = Quotes.inBody(text);
    for (int s = 0; s < body.sentences().size(); s++) {
      collect(text, body.tokens().get(s), quoted, false, s + 1, matcher, hits, counts);
    }
    return new Result(body.sentences().size(), counts[0], counts[1], counts[2], hits);
  }

  private static void collect(String text, List<Token> tokens, BitSet quoted, boolean headline,
      int sentence, TermMatcher matcher, List<Hit> hits, int[] counts) {
    for (Token t : tokens) {
      if (t.isWord()) {
        counts[quoted.get(t.start()) ? 2 : headline ? 0 : 1]++;
      }
    }
    for (TermMatcher.Match m : matcher.match(tokens)) {
      int start = tokens.get(m.first()).start();
      int end = tokens.get(m.last()).end();
      String voice = quoted.get(start) ? TermHitsTable.VOICE_QUOTED
          : headline ? TermHitsTable.VOICE_HEADLINE : TermHitsTable.VOICE_OUTLET;
      hits.add(new Hit(m.entry(), text.substring(start, end), voice, sentence, start, end));
    }
  }
}
