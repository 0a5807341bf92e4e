package org.framescope.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.framescope.text.Token;
import org.framescope.text.Tokenizer;
import org.junit.jupiter.api.Test;

class TermMatcherTest {
  private static final Lexicon LEX = LexiconParserTest.parse(String.join("\n",
      "name: t",
      "axes:",
      "  state:",
      "    poles:",
      "      regime:",
      "        - Assad regime",
      "        - term: regime",
      "          not_after: [Turkish, Saudi, North Korean]",
      "        - dictator Assad",
      "      government: [Syrian government, Syrian government forces, government forces]",
      "  opposition:",
      "    poles:",
      "      terrorists: [terrorist*]",
      "      rebels: [rebel*, rebel-held, opposition fighters]",
      "frames:",
      "  humanitarian: [bloodbath, humanitarian catastrophe, Erdoğan, تدمير]",
      ""));
  private static final TermMatcher MATCHER = new TermMatcher(LEX.termEntries());

  /** "entry=matched" for each match in {@code sentence}. */
  private static List<String> hits(String sentence) {
    List<Token> tokens = Tokenizer.tokenize(sentence);
    return MATCHER.match(tokens).stream()
        .map(m -> m.entry().text() + "=" + sentence.substring(tokens.get(m.first()).start(),
            tokens.get(m.last()).end()))
        .toList();
  }

  @Test
  void matchesOnTokenBoundariesOnly() {
    assertThat(hits("Counterterrorists and antiterrorist units regimented the area."))
        .isEmpty();
    assertThat(hits("The regime, not the regimen.")).containsExactly("regime=regime");
    assertThat(hits("Rebelling is not a word in the lexicon.")).containsExactly("rebel*=Rebelling");
  }

  @Test
  void prefixEntriesCoverInflections() {
    assertThat(hits("A terrorist, two terrorists and the terrorists' leader."))
        .containsExactly("terrorist*=terrorist", "terrorist*=terrorists", "terrorist*=terrorists'");
  }

  @Test
  void possessivesAndCurlyApostrophesNeedNoEntryOfTheirOwn() {
    assertThat(hits("Assad’s regime and the Assad regime's plan."))
        .containsExactly("Assad regime=Assad’s regime", "Assad regime=Assad regime's");
  }

  @Test
  void hyphenatedCompounds() {
    assertThat(hits("The rebel-held province and regime-controlled areas."))
        .containsExactly("rebel-held=rebel-held", "regime=regime");
  }

  @Test
  void contextExclusionsCancelAnEntry() {
    assertThat(hits("The Turkish regime and the North Korean regime differ from the Syrian regime."))
        .containsExactly("regime=regime");
    assertThat(hits("The Korean regime.")).containsExactly("regime=regime");
  }

  @Test
  void longestMatchWinsAndMatchesOnce() {
    assertThat(hits("The Assad regime attacked.")).containsExactly("Assad regime=Assad regime");
    assertThat(hits("Syrian government forces advanced."))
        .containsExactly("Syrian government forces=Syrian government forces");
    assertThat(hits("Forces loyal to dictator Assad regime troops.")).containsExactly(
        "dictator Assad=dictator Assad", "regime=regime");
  }

  @Test
  void phrasesDoNotMatchAcrossPunctuation() {
    assertThat(hits("He spoke of the Syrian, government forces.")).containsExactly(
        "government forces=government forces");
  }

  @Test
  void nonEnglishAndOddCharacters() {
    assertThat(hits("ERDOĞAN warned of a BLOODBATH 🩸 in Idlib; «bloodbath»."))
        .containsExactly("Erdoğan=ERDOĞAN", "bloodbath=BLOODBATH", "bloodbath=bloodbath");
    assertThat(hits("قال إن التدمير تدمير كامل")).containsExactly("تدمير=تدمير");
    assertThat(hits("")).isEmpty();
    assertThat(hits("\u0000\uFFFD\u200B")).isEmpty();
  }
}
