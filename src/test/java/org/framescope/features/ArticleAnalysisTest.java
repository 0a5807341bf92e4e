package org.framescope.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.framescope.lexicon.Lexicon;
import org.framescope.lexicon.LexiconParserTest;
import org.framescope.sentiment.SentenceScorer;
import org.framescope.sentiment.ValenceLexicon;
import org.framescope.text.Tokenizer;
import org.framescope.text.VoicedText;
import org.junit.jupiter.api.Test;

/** The one analysis of an article, on literal sentences. */
class ArticleAnalysisTest {
  private static final Lexicon LEXICON = LexiconParserTest.parse(String.join("\n", "name: t",
      "axes:", "  state:", "    poles:", "      regime: [regime, Assad regime]",
      "      government: [Syrian government]", "frames:", "  humanitarian: [bloodbath]",
      "actors:", "  russia: [Russia, Russian*]", "  civilians: [civilian*]",
      "  rebels: [rebel*]", ""));
  private static final SentenceScorer SCORER = SentenceScorer.builtin();
  private static final ArticleAnalysis.Models MODELS = ArticleAnalysis.Models.of(LEXICON,
      ValenceLexicon.builtin());

  private static ArticleAnalysis.Result analyze(String title, String text) {
    return ArticleAnalysis.analyze(VoicedText.of(title, text), MODELS, "S", null, false);
  }

  private static List<String> hits(String title, String text) {
    return analyze(title, text).hits().stream()
        .map(h -> h.entry().text() + "|" + h.voice().code() + "|" + h.sentenceIndex() + "|"
            + h.matched())
        .toList();
  }

  private static double compound(String s) {
    return SCORER.score(s, Tokenizer.tokenize(s)).compound();
  }

  @Test
  void everyHitCarriesItsVoiceAndSentence() {
    String title = "UN Urges Help To Avert 'Bloodbath' As Regime Advances";
    String text = "The Assad regime massed troops. \"The regime will fall,\" a rebel said.\n\n"
        + "The Syrian government denied it.";
    assertThat(hits(title, text)).containsExactly(
        "bloodbath|quoted|0|Bloodbath",
        "regime|headline|0|Regime",
        "Assad regime|outlet|1|Assad regime",
        "regime|quoted|2|regime",
        "Syrian government|outlet|3|Syrian government");
  }

  @Test
  void countsWordsPerVoice() {
    ArticleAnalysis.Result r = analyze("Regime 'Bloodbath' Feared",
        "One two three. \"Four five,\" six said.");
    assertThat(r.nSentences()).isEqualTo(2);
    assertThat(r.nTokensHeadline()).isEqualTo(2);
    assertThat(r.nTokensQuoted()).isEqualTo(1 + 2);
    assertThat(r.nTokensOutlet()).isEqualTo(3 + 2);
  }

  @Test
  void noTitleAndOffsetsIntoTheText() {
    String text = "First. Then the regime.";
    ArticleAnalysis.Result r = analyze(null, text);
    assertThat(r.nTokensHeadline()).isZero();
    ArticleAnalysis.Hit h = r.hits().get(0);
    assertThat(text.substring(h.charStart(), h.charEnd())).isEqualTo("regime");
    assertThat(h.sentenceIndex()).isEqualTo(2);
  }

  @Test
  void aSentenceIsCutWhereItsVoiceChangesAndEachPartScoredAlone() {
    String text = "\"The rebels are terrible killers,\" the Russian envoy said calmly.";
    ArticleAnalysis.Result r = analyze(null, text);
    assertThat(r.parts()).extracting(p -> p.sentenceIndex() + ":" + p.voice().code())
        .containsExactly("1:quoted", "1:outlet");
    assertThat(r.parts().get(0).compound())
        .isCloseTo(compound("\"The rebels are terrible killers,\""), within(1e-12))
        .isLessThan(-0.5);
    assertThat(r.parts().get(1).compound())
        .isCloseTo(compound("the Russian envoy said calmly."), within(1e-12));
    // Each actor takes the tone of the part it is named in.
    assertThat(r.mentions()).extracting(m -> m.actor() + ":" + m.voice().code())
        .containsExactly("rebels:quoted", "russia:outlet");
    assertThat(r.mentions().get(0).compound()).isEqualTo(r.parts().get(0).compound());
    assertThat(r.mentions().get(1).compound()).isEqualTo(r.parts().get(1).compound());
  }

  @Test
  void aPartNamingTwoActorsCountsForBothAndAnActorOnceAPart() {
    ArticleAnalysis.Result r = analyze(null,
        "Russian jets killed civilians and more civilians near Russia's base.");
    assertThat(r.parts()).hasSize(1);
    assertThat(r.mentions()).extracting(ArticleAnalysis.Mention::actor)
        .containsExactly("russia", "civilians");
    assertThat(r.mentions()).allSatisfy(m -> assertThat(m.compound()).isLessThan(-0.5));
  }

  @Test
  void theHeadlineIsSentenceZeroInItsOwnVoice() {
    ArticleAnalysis.Result r = analyze("Russia Warns Of 'Bloodbath'", "Talks went on.");
    assertThat(r.parts()).extracting(p -> p.sentenceIndex() + ":" + p.voice().code())
        .containsExactly("0:headline", "0:quoted", "1:outlet");
    assertThat(r.mentions()).extracting(m -> m.actor() + ":" + m.voice().code() + ":"
        + m.sentenceIndex()).containsExactly("russia:headline:0");
  }

  @Test
  void storyTermsAreTheContentWordsOfTheHeadlineAndTheLedeInEveryVoice() {
    StringBuilder text = new StringBuilder("Rebels shelled Aleppo's 2 markets on Monday. "
        + "\"Forty died,\" said Omar Haddad, a medic.");
    for (int i = 0; i < ArticleAnalysis.STORY_WORDS; i++) {
      text.append(" Filler");
    }
    text.append(" beyond.");
    ArticleAnalysis.Result r = ArticleAnalysis.analyze(VoicedText.of("Aleppo Shelled", text
        .toString()), MODELS, "S", null, true);
    // Stop words ("on", "a"), short words and numbers are left out; the possessive goes; the
    // quotation's words count; the body stops at its first STORY_WORDS words, the headline not.
    assertThat(r.storyTerms().subList(0, 10)).containsExactly("aleppo", "shelled", "rebels",
        "shelled", "aleppo", "markets", "monday", "forty", "died", "said");
    assertThat(r.storyTerms()).contains("omar", "haddad", "medic").doesNotContain("beyond", "2",
        "on", "a");
    assertThat(r.storyTerms()).filteredOn("filler"::equals)
        .hasSize(ArticleAnalysis.STORY_WORDS - 14);
    assertThat(ArticleAnalysis.analyze(VoicedText.of("T", "A text."), MODELS, "S", null, false)
        .storyTerms()).isNull();
  }

  @Test
  void termsAreCountedInTheOwnVoiceOnlyAndOnlyWhenAsked() {
    TermCounter terms = new TermCounter(MODELS.stopWords());
    String text = "Rebel-held towns fell. \"Towns burn,\" he said, towns again.";
    ArticleAnalysis.Result r = ArticleAnalysis.analyze(VoicedText.of("Towns 'Lost'", text),
        MODELS, "S", terms, false);
    ArticleAnalysis.Result copy = ArticleAnalysis.analyze(VoicedText.of(null, "Not counted."),
        MODELS, "S", null, false);
    List<String> counts = terms.drain().stream().flatMap(b -> TermCounter.decode(b.bytes())
            .stream())
        .map(c -> c.source() + "|" + c.ngram() + "|" + c.term() + "|" + c.uses()).sorted()
        .toList();
    // The headline's own words count, its quoted 'Lost' does not; "rebel-held" pairs across
    // its hyphen; the quotation and the comma break pairs; "said, towns" is no pair; the pairs
    // with a stop word ("he said", "towns again") count only among the article's pairs.
    assertThat(counts).containsExactly(
        "S|1|again|1", "S|1|fell|1", "S|1|held|1", "S|1|he|1", "S|1|rebel|1", "S|1|said|1",
        "S|1|towns|3",
        "S|2|held towns|1", "S|2|rebel held|1", "S|2|towns fell|1");
    assertThat(r.nPairsOwn()).isEqualTo(5);
    assertThat(copy.nPairsOwn()).isEqualTo(1);
    assertThat(terms.isEmpty()).isTrue();
  }
}
