package org.framescope.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentencesAndTokensTest {
  private static List<String> sentences(String text) {
    return Sentences.split(text).stream().map(s -> text.substring(s[0], s[1])).toList();
  }

  private static List<String> norms(String text) {
    return Tokenizer.tokenize(text).stream().map(Token::norm).toList();
  }

  @Test
  void splitsAtSentenceEndsButNotAfterAbbreviationsOrInitials() {
    assertThat(sentences("U.S. Secretary of State Mike Pompeo spoke on Sept. 4 with Mr. Cavusoglu. "
        + "Talks ended. \"Stop,\" he said! Why? 3 died.\nA new paragraph"))
        .containsExactly("U.S. Secretary of State Mike Pompeo spoke on Sept. 4 with Mr. Cavusoglu.",
            "Talks ended.", "\"Stop,\" he said!", "Why?", "3 died.", "A new paragraph");
    assertThat(sentences("President Donald J. Trump warned. He left.")).containsExactly(
        "President Donald J. Trump warned.", "He left.");
    assertThat(sentences("\"A bloodbath.\" The UN said so.")).containsExactly(
        "\"A bloodbath.\"", "The UN said so.");
    assertThat(sentences("   ")).isEmpty();
  }

  @Test
  void tokensKeepOffsetsAndNormalForms() {
    String s = "Assad’s forces, rebel-held Idlib; the rebels' base (U.S.) — 3,000 people.";
    List<Token> tokens = Tokenizer.tokenize(s);
    assertThat(tokens).allSatisfy(t -> assertThat(s.substring(t.start(), t.end())).isNotBlank());
    assertThat(norms(s)).containsExactly("assad", "forces", ",", "rebel", "-", "held", "idlib",
        ";", "the", "rebels", "base", "(", "u", ".", "s", ".", ")", "—", "3", ",", "000", "people",
        ".");
    assertThat(tokens.get(0).isWord()).isTrue();
    assertThat(tokens.get(4).isHyphen()).isTrue();
  }

  @Test
  void scriptsOtherThanLatin() {
    assertThat(norms("قال المتحدث ERDOĞAN Ελλάδα 東京")).containsExactly("قال", "المتحدث",
        "erdoğan", "ελλάδα", "東京");
  }
}
