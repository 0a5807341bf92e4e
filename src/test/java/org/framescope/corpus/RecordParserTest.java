package org.framescope.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordParserTest {
  private static final String TEXT = "Government forces advanced on the last rebel stronghold.";
  private final RecordParser identity =
      new RecordParser(FieldMapping.identity(), PageFurniture.defaults());

  private static Map<String, String> record(String... kv) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void acceptsACompleteRecord() {
    var p = identity.parse(record("source", " RFE/RL ", "published", "September 4, 2018",
        "title", "UN urges", "text", TEXT, "url", "https://example.org/a", "language", "en",
        "article_id", "a1"), null, null);
    assertThat(p.isRejected()).isFalse();
    assertThat(p.source()).isEqualTo("RFE/RL");
    assertThat(p.published()).isEqualTo(LocalDate.of(2018, 9, 4));
    assertThat(p.dateUnparsed()).isFalse();
    assertThat(p.givenId()).isEqualTo("a1");
    assertThat(p.text()).isEqualTo(TEXT);
    assertThat(p.url()).isEqualTo("https://example.org/a");
    assertThat(p.language()).isEqualTo("en");
  }

  @Test
  void mapsFieldsFromOtherColumnsAndMatchesNamesIgnoringCase() {
    RecordParser mapped = new RecordParser(
        FieldMapping.parse(List.of("text=content", "source=source_name", "published=date")),
        PageFurniture.defaults());
    var p = mapped.parse(record("content", TEXT, "source_name", "Breitbart", "date", "2019-08-23",
        "Title", "Turkey to Russia"), null, null);
    assertThat(p.isRejected()).isFalse();
    assertThat(p.source()).isEqualTo("Breitbart");
    assertThat(p.published()).isEqualTo(LocalDate.of(2019, 8, 23));
    assertThat(p.title()).isEqualTo("Turkey to Russia");
  }

  @Test
  void badMappingsAreNamed() {
    assertThatThrownBy(() -> FieldMapping.parse(List.of("body=content")))
        .hasMessageContaining("unknown field 'body'");
    assertThatThrownBy(() -> FieldMapping.parse(List.of("text")))
        .hasMessageContaining("expected field=column");
    assertThatThrownBy(() -> FieldMapping.parse(List.of("text=a", "text=b")))
        .hasMessageContaining("mapped twice");
  }

  @Test
  void everyRejectReason() {
    assertThat(identity.parse(record("source", "X"), null, null).rejectReason())
        .isEqualTo("missing_text");
    assertThat(identity.parse(record("source", "X", "text", " \n "), null, null).rejectReason())
        .isEqualTo("missing_text");
    assertThat(identity.parse(record("source", "  ", "text", TEXT), null, null).rejectReason())
        .isEqualTo("missing_source");
    assertThat(identity.parse(record("text", TEXT), null, null).rejectReason())
        .isEqualTo("missing_source");
    assertThat(identity.parse(null, null, "not a JSON object").rejectReason())
        .isEqualTo("unparseable");
    assertThat(identity.parse(null, null, "missing_file:manifest lists a.txt").rejectDetail())
        .isEqualTo("manifest lists a.txt");
    assertThat(identity.parse(record("source", "X", "text", "0 $\n2,500 $\nComments"), null, null)
        .rejectReason()).isEqualTo("no_text_after_cleaning");
  }

  @Test
  void anUnreadableDateKeepsTheArticleAndIsCounted() {
    var p = identity.parse(record("source", "X", "text", TEXT, "published", "last Tuesday"),
        null, null);
    assertThat(p.isRejected()).isFalse();
    assertThat(p.published()).isNull();
    assertThat(p.publishedRaw()).isEqualTo("last Tuesday");
    assertThat(p.dateUnparsed()).isTrue();
  }

  @Test
  void theInBandDateFillsAnEmptyDateButNeverOverridesAGivenOne() {
    var lifted = identity.parse(record("source", "X", "text", "date 2018-09-12 " + TEXT),
        null, null);
    assertThat(lifted.published()).isEqualTo(LocalDate.of(2018, 9, 12));
    assertThat(lifted.text()).isEqualTo(TEXT);
    var given = identity.parse(record("source", "X", "published", "2018-09-13",
        "text", "date 2018-09-12 " + TEXT), null, null);
    assertThat(given.published()).isEqualTo(LocalDate.of(2018, 9, 13));
  }

  @Test
  void derivedIdsAreStableAndDependOnContent() {
    var a = identity.parse(record("source", "X", "text", TEXT), null, null);
    var b = identity.parse(record("source", "X", "text", TEXT), null, null);
    var c = identity.parse(record("source", "Y", "text", TEXT), null, null);
    assertThat(a.derivedId()).isEqualTo(b.derivedId()).startsWith("fs-").hasSize(19);
    assertThat(c.derivedId()).isNotEqualTo(a.derivedId());
  }

  @Test
  void textFileBytesAreDecodedWithRepairs() {
    byte[] bytes = ("Assad " + "\u0000" + "forces").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] withBadByte = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, withBadByte, 0, bytes.length);
    withBadByte[bytes.length] = (byte) 0xFF;
    var p = identity.parse(record("source", "X", "text", null), withBadByte, null);
    assertThat(p.text()).isEqualTo("Assad forces\uFFFD");
    assertThat(p.repairs()).containsExactly(TextRepair.INVALID_UTF8, TextRepair.CONTROL_CHARS);
  }
}
