package org.framescope.text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * An article's text as every later measure reads it: its headline and body cut into sentences
 * and tokens by a text layer, and the voice of every token ({@link Voice}), decided once, here.
 *
 * <p>The voice rule: a token inside a quotation ({@link Quotes}, which knows the headline's
 * single quotes and the body's paragraphs and block quotations) is {@code quoted}; any other
 * token of the headline is {@code headline}, of the body {@code outlet}. A token's voice is
 * that of its first character.
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

  private VoicedText(List<Sentence> sentences, int bodySentences) {
    this.sentences = sentences;
    this.bodySentences = bodySentences;
  }

  /**
   * @param title the headline, or null
   * @param text the cleaned body text
   * @param body the body's sentences and tokens, from whichever text layer
   */
  public static VoicedText of(String title, String text, TextLayer.Analysis body) {
    List<Sentence> out = new ArrayList<>(body.sentences().size() + 1);
    if (title != null && !title.isBlank()) {
      List<Token> tokens = Tokenizer.tokenize(title);
      out.add(new Sentence(0, title, tokens, voices(tokens, Quotes.inHeadline(title),
          Voice.HEADLINE)));
    }
    BitSet quoted = Quotes.inBody(text);
    for (int s = 0; s < body.sentences().size(); s++) {
      List<Token> tokens = body.tokens().get(s);
      out.add(new Sentence(s + 1, text, tokens, voices(tokens, quoted, Voice.OUTLET)));
    }
    return new VoicedText(out, body.sentences().size());
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

  /** The number of the body's sentences. */
  public int bodySentences() {
    return bodySentences;
  }
}
