package org.framescope.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The one text layer every stage uses: a text's sentences and the tokens of each. The default
 * layer is {@link Sentences} and {@link Tokenizer}; the Spark NLP layer gives its own sentence
 * and token spans, and {@link #fromSpans} turns them into the same form.
 */
public final class TextLayer {
  private TextLayer() {}

  /** A text cut into sentences ({@code [start, end)} spans) and the tokens of each. */
  public record Analysis(List<int[]> sentences, List<List<Token>> tokens) implements Serializable {
    public int wordCount() {
      int n = 0;
      for (List<Token> s : tokens) {
        for (Token t : s) {
          if (t.isWord()) {
            n++;
          }
        }
      }
      return n;
    }
  }

  /** The default layer. */
  public static Analysis analyze(String text) {
    List<int[]> sentences = Sentences.split(text);
    List<List<Token>> tokens = new ArrayList<>(sentences.size());
    for (int[] s : sentences) {
      tokens.add(Tokenizer.tokenize(text, s[0], s[1]));
    }
    return new Analysis(sentences, tokens);
  }

  /** A headline: one sentence, whatever its punctuation. */
  public static Analysis analyzeHeadline(String title) {
    return new Analysis(List.<int[]>of(new int[] {0, title.length()}),
        List.of(Tokenizer.tokenize(title)));
  }

  /**
   * The layer from another tokenizer's spans: sentence spans, and token spans (end exclusive),
   * both in text order. Each token span is cut again by {@link Tokenizer}'s rules, so that
   * hyphens, possessives and punctuation are tokens the same way in every layer; a token belongs
   * to the sentence its start lies in.
   */
  public static Analysis fromSpans(String text, List<int[]> sentenceSpans, List<int[]> tokenSpans) {
    List<List<Token>> tokens = new ArrayList<>(sentenceSpans.size());
    for (int k = 0; k < sentenceSpans.size(); k++) {
      tokens.add(new ArrayList<>());
    }
    int s = 0;
    for (int[] span : tokenSpans) {
      while (s + 1 < sentenceSpans.size() && span[0] >= sentenceSpans.get(s + 1)[0]) {
        s++;
      }
      if (sentenceSpans.isEmpty()) {
        break;
      }
      int end = Math.min(span[1], text.length());
      if (span[0] < end) {
        tokens.get(s).addAll(Tokenizer.tokenize(text, span[0], end));
      }
    }
    return new Analysis(sentenceSpans, tokens);
  }
}
