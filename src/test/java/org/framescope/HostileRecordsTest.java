package org.framescope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.hadoop.conf.Configuration;
import org.framescope.corpus.FieldMapping;
import org.framescope.corpus.PageFurniture;
import org.framescope.corpus.RecordParser;
import org.framescope.corpus.RejectReason;
import org.framescope.features.ArticleAnalysis;
import org.framescope.io.LexiconFiles;
import org.framescope.sentiment.ValenceLexicon;
import org.framescope.text.Attribution;
import org.framescope.text.Token;
import org.framescope.text.Voice;
import org.framescope.text.VoicedText;

/**
 * Random and adversarial records through parsing, cleaning and the text layer: arbitrary bytes,
 * Unicode of every plane (unpaired surrogates too), unbalanced and deeply nested quotation marks,
 * a line of a million characters. Nothing may escape as an exception; every record is either an
 * article or a reject with a known reason (so counts reconcile record by record); every offset the
 * text layer gives lies inside the string it points into; every sentiment score is a number in
 * [-1, 1].
 */
class HostileRecordsTest {
  private static final RecordParser PARSER = new RecordParser(FieldMapping.identity(),
      PageFurniture.defaults());
  private static final ArticleAnalysis.Models MODELS = ArticleAnalysis.Models.of(
      LexiconFiles.read(new Configuration(), "syria"), ValenceLexicon.builtin());
  private static final List<String> REASONS = java.util.Arrays.stream(RejectReason.values())
      .map(RejectReason::code).toList();

  /** Text made to hurt: words, every kind of quotation mark, breaks, and any code point. */
  @Provide
  Arbitrary<String> hostileText() {
    Arbitrary<String> pieces = Arbitraries.oneOf(
        Arbitraries.of("the regime", "rebels", "said", "told", "according to", "Assad", "Russia",
            "\u201c", "\u201d", "\"", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u300c",
            " ", "\n", "\n\n", "\r\n", ". ", "! ", "?", ":", " \u2014 ", "\u00a0", "\t",
            "Share this:", "Read more", "(AP) \u2014", "Mr.", "U.S."),
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
            .map(cp -> new String(Character.toChars(cp))));
    return pieces.list().ofMaxSize(120).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<Map<String, String>> hostileRecord() {
    Arbitrary<String> text = hostileText();
    Arbitrary<String> maybe = Arbitraries.oneOf(text, Arbitraries.just(null),
        Arbitraries.just(""), Arbitraries.just("   "));
    return Combinators.combine(maybe, maybe, maybe, maybe, maybe).as((src, t, title, date, id) -> {
      Map<String, String> m = new HashMap<>();
      m.put("source", src);
      m.put("text", t);
      m.put("title", title);
      m.put("published", date);
      m.put("article_id", id);
      return m;
    });
  }

  @Property(tries = 300)
  void everyRecordIsAnArticleOrARejectWithAKnownReason(
      @ForAll("hostileRecord") Map<String, String> fields) {
    RecordParser.Parsed p = PARSER.parse(fields, null, null);
    if (p.isRejected()) {
      assertThat(REASONS).contains(p.rejectReason());
    } else {
      assertThat(p.text()).isNotBlank();
      assertThat(p.source()).isNotBlank();
      analyseAndCheck(p.title(), p.text());
    }
  }

  @Property(tries = 200)
  void arbitraryBytesOfATextFileAreDecodedRepairedAndAnalysed(@ForAll byte[] content) {
    Map<String, String> fields = new HashMap<>();
    fields.put("source", "S");
    RecordParser.Parsed p = PARSER.parse(fields, content, null);
    if (p.isRejected()) {
      assertThat(REASONS).contains(p.rejectReason());
    } else {
      analyseAndCheck(p.title(), p.text());
    }
  }

  @Property(tries = 300)
  void theTextLayerKeepsEveryOffsetInsideItsText(@ForAll("hostileText") String title,
      @ForAll("hostileText") String text) {
    analyseAndCheck(title, text);
  }

  @Example
  void tenThousandNestedQuotations() {
    String open = "\u201c".repeat(10_000);
    String close = "\u201d".repeat(10_000);
    analyseAndCheck("\"" .repeat(5_000), "The regime said " + open + "rebels" + close + " today.");
    analyseAndCheck(null, "\"".repeat(10_001) + " rebels said.");
    analyseAndCheck(null, "'".repeat(10_000) + "x");
  }

  @Example
  void aLineOfAMillionCharacters() {
    analyseAndCheck(null, "a".repeat(1_000_000));
    analyseAndCheck(null, "the regime said ".repeat(62_500));
    Map<String, String> fields = new HashMap<>();
    fields.put("source", "S");
    fields.put("text", "\u201crebels ".repeat(125_000));
    RecordParser.Parsed p = PARSER.parse(fields, null, null);
    assertThat(p.isRejected()).isFalse();
    analyseAndCheck(p.title(), p.text());
  }

  @Example
  void unbalancedQuotesAtEveryEnd() {
    for (String t : new String[] {"\u201c", "\u201d", "\"", "\u201cThe regime", "rebels\u201d",
        "\u201d\u201c\u201d\u201c", "He said \u201c", "\u201c\u201c\u201c said Assad."}) {
      analyseAndCheck(t, t);
    }
  }

  /** Analyses an article and checks that nothing points outside its strings. */
  private static void analyseAndCheck(String title, String text) {
    VoicedText voiced = VoicedText.of(title, text);
    ArticleAnalysis.Result r = ArticleAnalysis.analyze(voiced, MODELS, "S", null, true);
    Map<Integer, String> textOf = new HashMap<>();
    int words = 0;
    for (VoicedText.Sentence s : voiced.sentences()) {
      textOf.put(s.index(), s.text());
      assertThat(s.voices()).hasSize(s.tokens().size());
      for (Token t : s.tokens()) {
        assertThat(t.start()).isBetween(0, t.end());
        assertThat(t.end()).isLessThanOrEqualTo(s.text().length());
        words += t.isWord() ? 1 : 0;
      }
      for (Voice v : s.voices()) {
        assertThat(v).isNotNull();
      }
    }
    assertThat(r.nTokensHeadline() + r.nTokensOutlet() + r.nTokensReported() + r.nTokensQuoted())
        .as("every word token has one voice").isEqualTo(words);
    for (ArticleAnalysis.Hit h : r.hits()) {
      String s = textOf.get(h.sentenceIndex());
      assertThat(h.charStart()).isBetween(0, h.charEnd());
      assertThat(h.charEnd()).isLessThanOrEqualTo(s.length());
      assertThat(s.substring(h.charStart(), h.charEnd())).isEqualTo(h.matched());
    }
    for (ArticleAnalysis.Part p : r.parts()) {
      assertThat(p.compound()).isBetween(-1.0, 1.0);
    }
    for (Attribution.Quote q : voiced.quotes()) {
      // A headline's quotations point into the title, the body's into the text.
      String s = textOf.get(q.sentenceIndex());
      assertThat(q.charStart()).isBetween(0, q.charEnd());
      assertThat(q.charEnd()).isLessThanOrEqualTo(s.length());
      if (q.speaker() != null) {
        assertThat(q.speakerStart()).isBetween(0, q.speakerEnd());
        assertThat(q.speakerEnd()).isLessThanOrEqualTo(s.length());
      }
    }
  }
}
