package org.framescope.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.framescope.io.LexiconFiles;
import org.framescope.features.ArticleAnalysis;
import org.framescope.lexicon.Lexicon;
import org.framescope.sentiment.ValenceLexicon;
import org.framescope.text.Quotes;
import org.framescope.text.Token;
import org.framescope.text.Tokenizer;
import org.framescope.text.VoicedText;
import org.junit.jupiter.api.Test;

class CorpusGeneratorTest {
  private static final Lexicon SYRIA = LexiconFiles.read(new Configuration(), "syria");

  @Test
  void anArticleIsAFunctionOfTheSeedAndItsIndex() {
    CorpusGenerator a = new CorpusGenerator(5, 4, SYRIA, true);
    CorpusGenerator b = new CorpusGenerator(5, 4, SYRIA, true);
    CorpusGenerator c = new CorpusGenerator(6, 4, SYRIA, true);
    for (long i : new long[] {0, 1, 17, 999_999}) {
      assertThat(b.article(i)).isEqualTo(a.article(i));
    }
    assertThat(c.article(17)).isNotEqualTo(a.article(17));
    assertThat(a.article(17).get("source")).isEqualTo("Outlet 01");
  }

  @Test
  void plantedRatesSpreadFromOneTenthToNineTenthsInEachAxissOwnOrder() {
    CorpusGenerator g = new CorpusGenerator(5, 5, SYRIA, true);
    double[][] shares = g.planted().outletShareA();
    assertThat(shares).hasNumberOfRows(SYRIA.axes().size());
    for (double[] axis : shares) {
      double[] sorted = axis.clone();
      Arrays.sort(sorted);
      assertThat(sorted).containsExactly(new double[] {0.1, 0.3, 0.5, 0.7, 0.9},
          org.assertj.core.api.Assertions.within(1e-12));
    }
    assertThat(shares[0]).isNotEqualTo(shares[1]);
  }

  @Test
  void copiesCarryTheirOriginalsTextAndBadRecordsAreBad() {
    CorpusGenerator g = new CorpusGenerator(5, 4, SYRIA, false);
    int exact = 0;
    int truncated = 0;
    for (long i = 0; i < 4000; i++) {
      Map<String, String> m = g.article(i);
      switch (g.kind(i)) {
        case EXACT_COPY, TRUNCATED_COPY -> {
          long o = g.originalOf(i);
          assertThat(o % 4).isEqualTo(i % 4);
          String original = body(g.article(o).get("text"));
          String copy = body(m.get("text"));
          if (g.kind(i) == CorpusGenerator.Kind.EXACT_COPY) {
            assertThat(copy).isEqualTo(original);
            exact++;
          } else {
            assertThat(original).startsWith(copy);
            assertThat(copy.length()).isLessThan(original.length());
            truncated++;
          }
          assertThat(m.get("title")).isEqualTo(g.article(o).get("title"));
        }
        case MISSING_TEXT -> assertThat(m).doesNotContainKey("text");
        case MISSING_SOURCE -> assertThat(m.get("source")).isBlank();
        case BAD_DATE -> assertThat(m.get("published")).isEqualTo("sometime last spring");
        case MALFORMED -> throw new AssertionError("no malformed records in Parquet");
        case WIRE -> assertThat(m.get("text")).isNotBlank();
        default -> assertThat(m.get("text")).isNotBlank();
      }
    }
    assertThat(exact).isBetween(50, 110);
    assertThat(truncated).isBetween(50, 110);
  }

  /**
   * The lexicon's entries are in the text exactly where slots were planted, with the planted
   * pole and voice: the vocabulary never makes an entry, cancels one or runs into one.
   */
  @Test
  void everyHitOfTheLexiconIsAPlantedSlot() {
    for (String name : new String[] {"syria", "immigration"}) {
      Lexicon lexicon = LexiconFiles.read(new Configuration(), name);
      CorpusGenerator g = new CorpusGenerator(3, 6, lexicon, true);
      ArticleAnalysis.Models models = ArticleAnalysis.Models.of(lexicon,
          ValenceLexicon.builtin());
      long hits = 0;
      for (long i = 0; i < 300; i++) {
        CorpusGenerator.Draft d = g.draft(i);
        String text = d.fields().get("text");
        if (text == null) {
          continue;
        }
        ArticleAnalysis.Result r = ArticleAnalysis.analyze(
            VoicedText.of(d.fields().get("title"), text), models, "s", null, false);
        Map<String, Integer> found = new TreeMap<>();
        r.hits().forEach(h -> found.merge(h.entry().name() + "/" + h.entry().pole() + "/"
            + h.voice().code(), 1, Integer::sum));
        Map<String, Integer> planted = new TreeMap<>();
        d.slots().forEach(x -> planted.merge(x.name() + "/" + x.pole() + "/"
            + (x.quoted() ? "quoted" : "outlet"), 1, Integer::sum));
        assertThat(found).as("%s article %d", name, i).isEqualTo(planted);
        hits += r.hits().size();
      }
      assertThat(hits).as(name).isGreaterThan(1000);
    }
  }

  /**
   * Text that costs what news costs: article lengths around a median of 700 words with a long
   * tail, a quarter of the words quoted, and types growing with the corpus as in English (about
   * 2,000 at 10,000 words; Heaps' law with the usual K = 44, β = 0.49 gives 2,000).
   */
  @Test
  void articlesAreAsLongAndAsVariedAsNews() {
    CorpusGenerator g = new CorpusGenerator(9, 10, SYRIA, true);
    List<Integer> lengths = new ArrayList<>();
    Set<String> types = new HashSet<>();
    long words = 0;
    long quoted = 0;
    long typesAt10k = 0;
    for (long i = 0; i < 400; i++) {
      String text = g.article(i).get("text");
      if (text == null) {
        continue;
      }
      List<Token> tokens = Tokenizer.tokenize(text);
      BitSet inQuotes = Quotes.inBody(text);
      int n = 0;
      for (Token t : tokens) {
        if (t.isWord()) {
          n++;
          types.add(t.norm());
          quoted += inQuotes.get(t.start()) ? 1 : 0;
          if (++words == 10_000) {
            typesAt10k = types.size();
          }
        }
      }
      lengths.add(n);
    }
    Collections.sort(lengths);
    assertThat(lengths.get(lengths.size() / 2)).isBetween(600, 800);
    assertThat(lengths.get(lengths.size() * 95 / 100)).isGreaterThan(1400);
    assertThat(typesAt10k).isBetween(1700L, 2400L);
    assertThat(quoted / (double) words).isBetween(0.15, 0.35);
  }

  /** Wire copy: the same story word for word in several outlets, never twice in one. */
  @Test
  void wireStoriesAreCarriedBySeveralOutletsAndByEachAtMostOnce() {
    CorpusGenerator g = new CorpusGenerator(4, 100, SYRIA, true);
    Map<Long, Set<String>> carriers = new HashMap<>();
    Map<Long, String> texts = new HashMap<>();
    int wire = 0;
    for (long i = 0; i < 40_000; i++) {
      if (g.kind(i) != CorpusGenerator.Kind.WIRE) {
        continue;
      }
      wire++;
      long story = g.wireStory(i);
      assertThat(carriers.computeIfAbsent(story, k -> new HashSet<>())
          .add(String.valueOf(i % 100))).as("story %d twice in one outlet", story).isTrue();
      if (wire % 50 == 0 || texts.containsKey(story)) {
        String text = body(g.article(i).get("text"));
        assertThat(texts.putIfAbsent(story, text) == null || texts.get(story).equals(text))
            .isTrue();
      }
    }
    assertThat(wire / 40_000.0).isBetween(0.03, 0.07);
    assertThat(carriers.values().stream().filter(c -> c.size() > 1).count())
        .isGreaterThan(carriers.size() / 3);
  }

  /** The text without the furniture that each record draws for itself. */
  private static String body(String text) {
    return Arrays.stream(text.split("\n\n"))
        .filter(p -> !p.startsWith("0 $") && !p.startsWith("You are reading")
            && !p.startsWith("Share this") && !p.startsWith("With reporting by"))
        .reduce((a, b) -> a + "\n\n" + b).orElse("");
  }
}
