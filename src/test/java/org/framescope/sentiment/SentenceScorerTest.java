package org.framescope.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.framescope.text.Tokenizer;
import org.junit.jupiter.api.Test;

/**
 * Each rule on its own and in combination, on sentences written for the test. Expected values
 * are derived by hand from the rules (the arithmetic is spelled out); valences are the lexicon's:
 * good 1.9, bad -2.5, peace 2.5, doubt -1.5, no -1.2, "can't stand" -2.0. The other words of
 * these sentences are not in the lexicon.
 */
class SentenceScorerTest {
  private static final SentenceScorer SCORER = SentenceScorer.builtin();
  private static final ValenceLexicon LEX = ValenceLexicon.builtin();

  private static double compound(String sentence) {
    return SCORER.score(sentence, Tokenizer.tokenize(sentence)).compound();
  }

  /** The normalisation of a summed valence: s / sqrt(s² + 15). */
  private static double norm(double s) {
    return s / Math.sqrt(s * s + 15);
  }

  @Test
  void theLexiconValuesTheseTestsUse() {
    assertThat(LEX.word("good")).isEqualTo(1.9);
    assertThat(LEX.word("bad")).isEqualTo(-2.5);
    assertThat(LEX.word("peace")).isEqualTo(2.5);
    assertThat(LEX.word("doubt")).isEqualTo(-1.5);
    assertThat(LEX.word("no")).isEqualTo(-1.2);
    for (String filler : new String[] {"it", "was", "is", "the", "food", "service", "there",
        "weather", "that", "this", "much"}) {
      assertThat(LEX.word(filler)).as(filler).isNull();
    }
    assertThat(LEX.size()).isEqualTo(7520);
    // Ten entries are listed twice, and 16 more collide once case and possessives are folded.
    assertThat(LEX.duplicates()).isEqualTo(26);
  }

  @Test
  void valenceAndNormalisation() {
    assertThat(compound("Peace.")).isCloseTo(norm(2.5), within(1e-9));
    assertThat(compound("The food was good and the service was bad."))
        .isCloseTo(norm(1.9 - 2.5), within(1e-9));
    assertThat(compound("It was the weather.")).isEqualTo(0.0);
    assertThat(compound("")).isEqualTo(0.0);
  }

  @Test
  void negationWithinThreeWords() {
    assertThat(compound("This is not good.")).isCloseTo(norm(1.9 * -0.74), within(1e-9));
    assertThat(compound("It isn't good.")).isCloseTo(norm(1.9 * -0.74), within(1e-9));
    assertThat(compound("Not that the weather was good."))
        .as("'not' five words before").isCloseTo(norm(1.9), within(1e-9));
  }

  @Test
  void noIsANegatorBeforeASentimentWordAndAWordOtherwise() {
    assertThat(compound("No good.")).isCloseTo(norm(1.9 * -0.74), within(1e-9));
    assertThat(compound("No.")).isCloseTo(norm(-1.2), within(1e-9));
  }

  @Test
  void degreeModifiersDecayWithDistance() {
    assertThat(compound("It was very good.")).isCloseTo(norm(1.9 + 0.293), within(1e-9));
    assertThat(compound("It was very much good."))
        .isCloseTo(norm(1.9 + 0.293 * 0.95), within(1e-9));
    assertThat(compound("It was slightly good.")).isCloseTo(norm(1.9 - 0.293), within(1e-9));
    assertThat(compound("It was very bad.")).isCloseTo(norm(-2.5 - 0.293), within(1e-9));
  }

  @Test
  void capitalsEmphasiseOnlyInAMixedCaseSentence() {
    assertThat(compound("The service was BAD.")).isCloseTo(norm(-2.5 - 0.733), within(1e-9));
    assertThat(compound("THE SERVICE WAS BAD.")).isCloseTo(norm(-2.5), within(1e-9));
  }

  @Test
  void butShiftsTheWeightToWhatFollows() {
    assertThat(compound("The food was good but the service was bad."))
        .isCloseTo(norm(1.9 * 0.5 - 2.5 * 1.5), within(1e-9));
  }

  @Test
  void punctuationEmphasis() {
    assertThat(compound("It was good!!")).isCloseTo(norm(1.9 + 2 * 0.292), within(1e-9));
    assertThat(compound("It was good!!!!!!")).isCloseTo(norm(1.9 + 4 * 0.292), within(1e-9));
    assertThat(compound("It was bad!")).isCloseTo(norm(-2.5 - 0.292), within(1e-9));
    assertThat(compound("Was it good?")).isCloseTo(norm(1.9), within(1e-9));
    assertThat(compound("Was it good??")).isCloseTo(norm(1.9 + 2 * 0.18), within(1e-9));
    assertThat(compound("Was it good?????")).isCloseTo(norm(1.9 + 0.96), within(1e-9));
    assertThat(compound("Was it the weather!!")).as("nothing to emphasise").isEqualTo(0.0);
  }

  @Test
  void phrasesAndIdiomsAreReadWhole() {
    assertThat(compound("I can't stand it.")).isCloseTo(norm(-2.0), within(1e-9));
    assertThat(compound("There is no doubt.")).isCloseTo(norm(1.5), within(1e-9));
    assertThat(compound("It was kind of good.")).as("'kind' (2.4) is not read")
        .isCloseTo(norm(1.9 - 0.293), within(1e-9));
    assertThat(compound("It was sort of bad.")).isCloseTo(norm(-2.5 + 0.293), within(1e-9));
  }

  @Test
  void rulesCombine() {
    // good: (1.9 + 0.293 'very') x -0.74 'not' x 0.5 before 'but'
    // bad:  (-2.5 - 0.293 'REALLY') x 1.5 after 'but'; then one '!' pushes the sum by 0.292
    double good = (1.9 + 0.293) * -0.74 * 0.5;
    double bad = (-2.5 - 0.293) * 1.5;
    assertThat(compound("It was not very good, but it was REALLY bad!"))
        .isCloseTo(norm(good + bad - 0.292), within(1e-9));
  }

  @Test
  void theCompoundStaysWithinMinusOneAndOne() {
    String grim = "Bad, terrible, horrible, awful, tragic, catastrophic, deadly war!!!!";
    assertThat(compound(grim)).isLessThan(-0.95).isGreaterThanOrEqualTo(-1.0);
  }

  @Test
  void contributionsExplainTheScore() {
    String s = "It was not very good!";
    SentenceScorer.Score score = SCORER.score(s, Tokenizer.tokenize(s));
    assertThat(score.contributions()).hasSize(1);
    SentenceScorer.Contribution c = score.contributions().get(0);
    assertThat(c.text()).isEqualTo("good");
    assertThat(c.valence()).isEqualTo(1.9);
    assertThat(c.rules()).containsExactly("booster 'very' +0.293", "negated by 'not' x-0.74");
    assertThat(score.punctuation()).isCloseTo(-0.292, within(1e-9));
  }

  @Test
  void aBadValenceLexiconNamesTheLine() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValenceLexicon.parse(
            "good\t1.9\nbad\tvery\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "v.txt"))
        .hasMessage("lexicon v.txt line 2: valence 'very' is not a number");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValenceLexicon.parse(
            "good 1.9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "v.txt"))
        .hasMessageContaining("line 1: expected an entry and its valence separated by a tab");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ValenceLexicon.parse(
            "good\t9\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "v.txt"))
        .hasMessageContaining("line 1: valence 9.0 is outside [-4, 4]");
  }
}
