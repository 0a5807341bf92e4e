package org.framescope.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.framescope.lexicon.LexiconParserTest;
import org.framescope.lexicon.TermMatcher;
import org.framescope.sentiment.SentenceScorer;
import org.framescope.text.TextLayer;
import org.framescope.text.Tokenizer;
import org.junit.jupiter.api.Test;

class SentimentAnalysisTest {
  private static final SentenceScorer SCORER = SentenceScorer.builtin();
  private static final TermMatcher ACTORS = new TermMatcher(LexiconParserTest.parse(String.join(
      "\n", "name: t", "frames:", "  f: [x]", "actors:", "  russia: [Russia, Russian*]",
      "  civilians: [civilian*]", "  rebels: [rebel*]", "")).actorEntries());

  private static SentimentAnalysis.Result analyze(String title, String text) {
    return SentimentAnalysis.analyze(title, text, TextLayer.analyze(text), SCORER, ACTORS);
  }

  private static double compound(String s) {
    return SCORER.score(s, Tokenizer.tokenize(s)).compound();
  }

  @Test
  void aSentenceIsCutWhereItsVoiceChangesAndEachPartScoredAlone() {
    String text = "\"The rebels are terrible killers,\" the Russian envoy said calmly.";
    SentimentAnalysis.Result r = analyze(null, text);
    assertThat(r.parts()).extracting(p -> p.sentenceIndex() + ":" + p.voice())
        .containsExactly("1:quoted", "1:outlet");
    assertThat(r.parts().get(0).compound())
        .isCloseTo(compound("\"The rebels are terrible killers,\""), within(1e-12))
        .isLessThan(-0.5);
    assertThat(r.parts().get(1).compound())
        .isCloseTo(compound("the Russian envoy said calmly."), within(1e-12));
    // Each actor takes the tone of the part it is named in.
    assertThat(r.mentions()).extracting(m -> m.actor() + ":" + m.voice())
        .containsExactly("rebels:quoted", "russia:outlet");
    assertThat(r.mentions().get(0).compound()).isEqualTo(r.parts().get(0).compound());
    assertThat(r.mentions().get(1).compound()).isEqualTo(r.parts().get(1).compound());
  }

  @Test
  void aPartNamingTwoActorsCountsForBothAndAnActorOnceAPart() {
    String text = "Russian jets killed civilians and more civilians near Russia's base.";
    SentimentAnalysis.Result r = analyze(null, text);
    assertThat(r.parts()).hasSize(1);
    assertThat(r.mentions()).extracting(SentimentAnalysis.Mention::actor)
        .containsExactly("russia", "civilians");
    assertThat(r.mentions()).allSatisfy(m -> assertThat(m.compound()).isLessThan(-0.5));
  }

  @Test
  void theHeadlineIsSentenceZeroInItsOwnVoice() {
    SentimentAnalysis.Result r = analyze("Russia Warns Of 'Bloodbath'", "Talks went on.");
    assertThat(r.parts()).extracting(p -> p.sentenceIndex() + ":" + p.voice())
        .containsExactly("0:headline", "0:quoted", "1:outlet");
    assertThat(r.mentions()).extracting(m -> m.actor() + ":" + m.voice() + ":" + m.sentenceIndex())
        .containsExactly("russia:headline:0");
  }
}
