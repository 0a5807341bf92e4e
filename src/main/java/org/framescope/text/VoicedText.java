package org.framescope.text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * An article's text as every later measure reads it: its headline and body cut into sentences
 * and tokens by a text layer, and the voice of every token ({@link Voice}), decided once, here.
 *
 * <p>The voice rule: a token inside a quotation ({@link Quotes}, which knows the headline's
 * single quotes and the body's paragraphs and block quotations) is {@code quoted}; a token of
 * the content of a statement the body reports without quote marks ({@link Attribution}) is
 * {@code reported}; any other token of the headline is {@code headline}, of the body {@code
 * outlet}. A token's voice is that of its first character. The attributions themselves, with
 * their speakers, are {@link #quotes()}.
 *
 * <p>Sentence 0 is the headline (present when the title is not blank); the body's sentences
 * are numbered from 1. Offsets of headline tokens are into the title, all others into the text.
 */
public final class VoicedText {
  /** One sentence: its index, the string its offsets are into, its tokens and their voices. */
  public record Sentence(int index, String text, List<Token> tokens, Voice[] voices) {
    /** Whether this is the headline. */
    public boolean isHeadline() {
      return index == 0;
    }
  }

  private final List<Sentence> sentences;
  private final int bodySentences;
  private final List<Attribution.Quote> quotes;

  private VoicedText(List<Sentence> sentences, int bodySentences, List<Attribution.Quote> quotes) {
    this.sentences = sentences;
    this.bodySentences = bodySentences;
    this.quotes = quotes;
  }

  /**
   * @param title the headline, or null
   * @param text the cleaned body text
   * @param body the body's sentences and tokens, from whichever text layer
   */
  public static VoicedText of(String title, String text, TextLayer.Analysis body) {
    return of(title, text, body, AttributionRules.defaults());
  }

  /**
   * As {@link #of(String, String, TextLayer.Analysis)}, with these attribution rules; null
   * finds no attributions (the voices are then those of quote marks alone).
   */
  public static VoicedText of(String title, String text, TextLayer.Analysis body,
      AttributionRules rules) {
    List<Sentence> out = new ArrayList<>(body.sentences().size() + 1);
    List<Attribution.Quote> quotes = new ArrayList<>();
    if (title != null && !title.isBlank()) {
      List<Token> tokens = Tokenizer.tokenize(title);
      BitSet quoted = Quotes.inHeadline(title);
      out.add(new Sentence(0, title, tokens, voices(tokens, quoted, Voice.HEADLINE)));
      if (rules != null) {
        quotes.addAll(Attribution.ofHeadline(title, tokens, quoted));
      }
    }
    BitSet quoted = Quotes.inBody(text);
    List<Voice[]> bodyVoices = new ArrayList<>(body.sentences().size());
    for (int s = 0; s < body.sentences().size(); s++) {
      List<Token> tokens = body.tokens().get(s);
      Voice[] v = voices(tokens, quoted, Voice.OUTLET);
      bodyVoices.add(v);
      out.add(new Sentence(s + 1, text, tokens, v));
    }
    if (rules != null) {
      quotes.addAll(Attribution.ofBody(text, body.tokens(), bodyVoices, quoted, rules));
    }
    return new VoicedText(out, body.sentences().size(), quotes);
  }

  /** The default text layer's reading of an article. */
  public static VoicedText of(String title, String text) {
    return of(title, text, TextLayer.analyze(text));
  }

  private static Voice[] voices(List<Token> tokens, BitSet quoted, Voice own) {
    Voice[] v = new Voice[tokens.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = quoted.get(tokens.get(i).start()) ? Voice.QUOTED : own;
    }
    return v;
  }

  /** The headline (when there is one) and then the body's sentences, in order. */
  public List<Sentence> sentences() {
    return sentences;
  }

  /** The attributions: the headline's quotations, then the body's, in text order. */
  public List<Attribution.Quote> quotes() {
    return quotes;
  }

  /** The number of the body's sentences. */
  public int bodySentences() {
    return bodySentences;
  }
}
