package org.framescope.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.framescope.io.LexiconFiles;
import org.framescope.lexicon.Lexicon;
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
        default -> assertThat(m.get("text")).isNotBlank();
      }
    }
    assertThat(exact).isBetween(50, 110);
    assertThat(truncated).isBetween(50, 110);
  }

  /** The text without the furniture that each record draws for itself. */
  private static String body(String text) {
    return Arrays.stream(text.split("\n\n"))
        .filter(p -> !p.startsWith("0 $") && !p.startsWith("You are reading")
            && !p.startsWith("Share this"))
        .reduce((a, b) -> a + "\n\n" + b).orElse("");
  }
}
