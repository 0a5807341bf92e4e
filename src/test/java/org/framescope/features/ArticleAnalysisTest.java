package org.framescope.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.framescope.lexicon.LexiconParserTest;
import org.framescope.lexicon.TermMatcher;
import org.framescope.text.TextLayer;
import org.junit.jupiter.api.Test;

class ArticleAnalysisTest {
  private static final TermMatcher MATCHER = new TermMatcher(LexiconParserTest.parse(
      String.join("\n", "name: t", "axes:", "  state:", "    poles:",
          "      regime: [regime, Assad regime]", "      government: [Syrian government]",
          "frames:", "  humanitarian: [bloodbath]", "")).termEntries());

  private static List<String> hits(String title, String text) {
    return ArticleAnalysis.analyze(title, text, TextLayer.analyze(text), MATCHER).hits().stream()
        .map(h -> h.entry().text() + "|" + h.voice() + "|" + h.sentenceIndex() + "|"
            + h.matched())
        .toList();
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
    ArticleAnalysis.Result r = ArticleAnalysis.analyze("Regime 'Bloodbath' Feared",
        "One two three. \"Four five,\" six said.", TextLayer.analyze(
            "One two three. \"Four five,\" six said."), MATCHER);
    assertThat(r.nSentences()).isEqualTo(2);
    assertThat(r.nTokensHeadline()).isEqualTo(2);
    assertThat(r.nTokensQuoted()).isEqualTo(1 + 2);
    assertThat(r.nTokensOutlet()).isEqualTo(3 + 2);
  }

  @Test
  void noTitleAndOffsetsIntoTheText() {
    String text = "First. Then the regime.";
    ArticleAnalysis.Result r = ArticleAnalysis.analyze(null, text, TextLayer.analyze(text),
        MATCHER);
    assertThat(r.nTokensHeadline()).isZero();
    ArticleAnalysis.Hit h = r.hits().get(0);
    assertThat(text.substring(h.charStart(), h.charEnd())).isEqualTo("regime");
    assertThat(h.sentenceIndex()).isEqualTo(2);
  }
}
