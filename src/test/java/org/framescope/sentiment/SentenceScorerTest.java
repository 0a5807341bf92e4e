package org.framescope.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.framescope.text.Tokenizer;
import org.junit.jupiter.api.Test;

/**
 * One rule a test, then rules combined, on sentences written for the test. Expected values are
 * derived by hand from VADER's rules as its reference implementation applies them (the arithmetic
 * is spelled out); valences are the lexicon's: good 1.9, bad -2.5, love 3.2, excellent 2.7,
 * doubt -1.5, no -1.2, kind 2.4, ":)" 2.0, ":(" -1.9, "<3" 1.9, ":d" 2.3, "ok" 1.2 (listed twice,
 * the last kept). The other words of these sentences are not in the lexicon.
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
    assertThat(LEX.word("love")).isEqualTo(3.2);
    assertThat(LEX.word("excellent")).isEqualTo(2.7);
    assertThat(LEX.word("doubt")).isEqualTo(-1.5);
    assertThat(LEX.word("no")).isEqualTo(-1.2);
    assertThat(LEX.word("kind")).isEqualTo(2.4);
    assertThat(LEX.word(":)")).isEqualTo(2.0);
    assertThat(LEX.word(":(")).isEqualTo(-1.9);
    assertThat(LEX.word("<3")).isEqualTo(1.9);
    assertThat(LEX.word(":d")).isEqualTo(2.3);
    assertThat(LEX.word("ok")).isEqualTo(1.2);
    for (String filler : new String[] {"it", "was", "the", "food", "service", "weather", "film",
        "is", "this", "been", "a", "idea", "least", "at", "stand", "of", "very", "so", "i"}) {
      assertThat(LEX.word(filler)).as(filler).isNull();
    }
    assertThat(LEX.size()).isEqualTo(7520);
    // 14 entries are listed twice (":-p", "lol", "ok", ...).
    assertThat(LEX.duplicates()).isEqualTo(14);
  }

  @Test
  void valenceAndNormalisation() {
    assertThat(compound("Excellent.")).isCloseTo(norm(2.7), within(1e-9));
    assertThat(compound("The food was good and the service was bad."))
        .isCloseTo(norm(1.9 - 2.5), within(1e-9));
    assertThat(compound("It was the weather.")).isEqualTo(0.0);
    assertThat(compound("")).isEqualTo(0.0);
  }

  @Test
  void emoticonsReachTheLexicon() {
    assertThat(compound("I love it :)")).isCloseTo(norm(3.2 + 2.0), within(1e-9));
    assertThat(compound("The food :(")).isCloseTo(norm(-1.9), within(1e-9));
    assertThat(compound("The food <3")).isCloseTo(norm(1.9), within(1e-9));
    // ":D" is looked up lower-cased, and is in capitals to the rules (as to the reference).
    assertThat(compound("The food :D")).isCloseTo(norm(2.3 + 0.733), within(1e-9));
  }

  @Test
  void punctuationIsStrippedUnlessTwoCharactersOrFewerWouldRemain() {
    assertThat(compound("(Good.)")).isCloseTo(norm(1.9), within(1e-9));
    assertThat(compound("The food was “good”")).as("typographic quotes too")
        .isCloseTo(norm(1.9), within(1e-9));
    assertThat(compound("The food was ok")).isCloseTo(norm(1.2), within(1e-9));
    assertThat(compound("The food was ok.")).as("'ok.' is kept whole, and is no entry")
        .isEqualTo(0.0);
  }

  @Test
  void entriesWithASpaceAreNeverMet() {
    // "can't stand" (-2.0) is an entry, but items are cut at spaces; "can't" negates nothing.
    assertThat(compound("I can't stand it.")).isEqualTo(0.0);
  }

  @Test
  void negationWithinThreeItems() {
    assertThat(compound("This is not good.")).isCloseTo(norm(1.9 * -0.74), within(1e-9));
    assertThat(compound("It isn’t good.")).as("typographic apostrophe")
        .isCloseTo(norm(1.9 * -0.74), within(1e-9));
    assertThat(compound("Not food was good.")).as("three items before")
        .isCloseTo(norm(1.9 * -0.74), within(1e-9));
    assertThat(compound("Not the food was good.")).as("four items before").isCloseTo(
        norm(1.9), within(1e-9));
  }

  @Test
  void everyNegatorNegatesSoTwoCancel() {
    assertThat(compound("It isn't not good.")).isCloseTo(norm(1.9 * -0.74 * -0.74), within(1e-9));
  }

  @Test
  void aLexiconWordBeforeIsSkippedNotABarrier() {
    // good: 'bad' just before is in the lexicon, so it is neither modifier nor negator, and the
    // look-back goes on to 'Not', two before, which negates.
    assertThat(compound("Not bad good."))
        .isCloseTo(norm(-2.5 * -0.74 + 1.9 * -0.74), within(1e-9));
  }

  @Test
  void noBeforeASentimentWordNegatesItAndIsAWordOtherwise() {
    assertThat(compound("No good.")).isCloseTo(norm(1.9 * -0.74), within(1e-9));
    assertThat(compound("No the good.")).as("two after").isCloseTo(
        norm(-1.2 + 1.9 * -0.74), within(1e-9));
    assertThat(compound("No food or good.")).as("three after, through 'or'")
        .isCloseTo(norm(-1.2 + 1.9 * -0.74), within(1e-9));
    assertThat(compound("No")).isCloseTo(norm(-1.2), within(1e-9));
    assertThat(compound("No.")).as("'No.' is kept whole, and is no entry").isEqualTo(0.0);
  }

  @Test
  void neverSoAndNeverThisIntensify() {
    // never ... so good: 'so' boosts (+0.293), then 'never so' x1.25 instead of negating.
    assertThat(compound("It has never been so good."))
        .isCloseTo(norm((1.9 + 0.293) * 1.25), within(1e-9));
    assertThat(compound("It has never been good.")).isCloseTo(norm(1.9 * -0.74), within(1e-9));
    // 'never this' two before, and (as in the reference) 'this' just before, once more.
    assertThat(compound("It was never this good."))
        .isCloseTo(norm(1.9 * 1.25 * 1.25), within(1e-9));
  }

  @Test
  void withoutDoubtIsNotANegation() {
    // doubt: 'without' two before negates it; excellent: 'without' three before, with 'doubt'
    // between, leaves it alone.
    assertThat(compound("Without a doubt, excellent idea."))
        .isCloseTo(norm(-1.5 * -0.74 + 2.7), within(1e-9));
  }

  @Test
  void leastNegatesExceptAtLeast() {
    assertThat(compound("It was the least good.")).isCloseTo(norm(1.9 * -0.74), within(1e-9));
    assertThat(compound("It was at least good.")).isCloseTo(norm(1.9), within(1e-9));
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
  void twoWordDampenersAndKindOf() {
    // 'kind' (2.4) is not read in 'kind of'; at the third item before, 'kind of' adds -0.293.
    assertThat(compound("It was kind of good.")).isCloseTo(norm(1.9 - 0.293), within(1e-9));
  }

  @Test
  void specialCasesReplaceTheValence() {
    // shit is -2.6 in the lexicon; "the shit" is 3.
    assertThat(compound("The film is the shit.")).isCloseTo(norm(3), within(1e-9));
  }

  @Test
  void capitalsEmphasiseOnlyWhenSomeItemsAreNotCapitals() {
    assertThat(compound("The service was BAD.")).isCloseTo(norm(-2.5 - 0.733), within(1e-9));
    assertThat(compound("THE SERVICE WAS BAD.")).isCloseTo(norm(-2.5), within(1e-9));
    assertThat(compound("It was VERY good.")).as("a booster in capitals")
        .isCloseTo(norm(1.9 + 0.293 + 0.733), within(1e-9));
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
  void rulesCombine() {
    // good: (1.9 + 0.293 'very') x -0.74 'not' x 0.5 before 'but'
    // bad:  (-2.5 - (0.293 + 0.733) 'REALLY', a booster in capitals) x 1.5 after 'but';
    // then one '!' pushes the sum by 0.292
    double good = (1.9 + 0.293) * -0.74 * 0.5;
    double bad = (-2.5 - 0.293 - 0.733) * 1.5;
    assertThat(compound("It was not very good, but it was REALLY bad!"))
        .isCloseTo(norm(good + bad - 0.292), within(1e-9));
  }

  /**
   * The examples the reference implementation's README publishes with their compound scores
   * (vaderSentiment 3.3.2), to four decimals as published. The emoji example is left out: emoji
   * are not replaced by descriptions here.
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
      VADER is smart, handsome, and funny.                                                | 0.8316
      VADER is smart, handsome, and funny!                                                | 0.8439
      VADER is very smart, handsome, and funny.                                           | 0.8545
      VADER is VERY SMART, handsome, and FUNNY.                                           | 0.9227
      VADER is VERY SMART, handsome, and FUNNY!!!                                         | 0.9342
      VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!                            | 0.9469
      VADER is not smart, handsome, nor funny.                                            | -0.7424
      The book was good.                                                                  | 0.4404
      At least it isn't a horrible book.                                                  | 0.431
      The book was only kind of good.                                                     | 0.3832
      The plot was good, but the characters are uncompelling and the dialog is not great. | -0.7042
      Today SUX!                                                                          | -0.5461
      Today only kinda sux! But I'll get by, lol                                          | 0.5249
      Make sure you :) or :D today!                                                       | 0.8633
      Not bad at all                                                                      | 0.431
      """)
  void theReferencesPublishedExamples(String sentence, double published) {
    assertThat(compound(sentence)).as(sentence).isCloseTo(published, within(0.00005));
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
