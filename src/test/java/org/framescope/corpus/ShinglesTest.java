package org.framescope.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShinglesTest {
  @Test
  void caseAndPunctuationAndSpacingDoNotChangeTheShingles() {
    Shingles.Set a = Shingles.of("The regime shelled Idlib on Monday, officials said.", 5);
    Shingles.Set b = Shingles.of("the REGIME shelled -- Idlib\n on monday officials ... said", 5);
    assertThat(a.runs()).isEqualTo(4); // 8 words: 4 runs of 5
    assertThat(a.hashes()).hasSize(4).containsExactly(b.hashes());
    assertThat(a.hashes()).isSorted();
    assertThat(Arrays.stream(a.hashes()).allMatch(h -> h >= 0 && h < Integer.MAX_VALUE)).isTrue();
  }

  @Test
  void aChangedWordChangesOnlyTheRunsThatHoldIt() {
    int[] a = Shingles.of("one two three four five six seven eight nine ten", 5).hashes();
    int[] b = Shingles.of("one two three four five six seven eight nine TEN!", 5).hashes();
    int[] c = Shingles.of("one two three four five six seven eight nine eleven", 5).hashes();
    assertThat(b).containsExactly(a);
    // 6 runs; "ten" is in the last one only
    assertThat(Arrays.stream(c).filter(h -> Arrays.binarySearch(a, h) >= 0).count())
        .isEqualTo(5);
    // word order matters: the same words in another order share no run
    int[] reversed = Shingles.of("ten nine eight seven six five four three two one", 5).hashes();
    assertThat(Arrays.stream(reversed).filter(h -> Arrays.binarySearch(a, h) >= 0)).isEmpty();
  }

  @Test
  void repeatsAreOneShingleButCountAsRuns() {
    Shingles.Set s = Shingles.of("go go go go go go go", 5);
    assertThat(s.hashes()).hasSize(1);
    assertThat(s.runs()).isEqualTo(3);
  }

  @Test
  void lettersAndNumbersOfAnyScriptAreWordsAndShortTextsHaveNone() {
    assertThat(Shingles.of("قصف النظام مدينة إدلب يوم ٣ أيار", 5).runs()).isEqualTo(3);
    assertThat(Shingles.of("only four words here", 5).hashes()).isEmpty();
    assertThat(Shingles.of("", 5).runs()).isZero();
    assertThat(Shingles.of(null, 5).hashes()).isEmpty();
    // an emoji separates words like punctuation does
    assertThat(Shingles.of("a\uD83D\uDE00b c d e", 5).hashes())
        .containsExactly(Shingles.of("a b c d e", 5).hashes());
  }
}
