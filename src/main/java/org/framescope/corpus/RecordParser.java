package org.framescope.corpus;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Turns one raw record into an article or a reject: maps the fields, repairs and cleans the
 * text, parses the date. Pure Java and per record, so it is tested without Spark; {@link
 * CleanRecords} runs it over a Dataset.
 */
public final class RecordParser implements Serializable {
  private static final long serialVersionUID = 1L;

  private final FieldMapping mapping;
  private final PageFurniture furniture;

  public RecordParser(FieldMapping mapping, PageFurniture furniture) {
    this.mapping = mapping;
    this.furniture = furniture;
  }

  /** The outcome for one record: either {@code rejectReason} is set, or the article fields are. */
  public record Parsed(
      String rejectReason,
      String rejectDetail,
      String givenId,
      String derivedId,
      String source,
      LocalDate published,
      String publishedRaw,
      boolean dateUnparsed,
      String title,
      String text,
      String url,
      String language,
      List<String> repairs,
      List<PageFurniture.Removed> removed) {

    static Parsed reject(RejectReason reason, String detail) {
      return new Parsed(reason.code(), detail, null, null, null, null, null, false, null, null,
          null, null, List.of(), List.of());
    }

    public boolean isRejected() {
      return rejectReason != null;
    }
  }

  /**
   * @param fields the record's columns, or null when it could not be parsed
   * @param content a text-format file's bytes, or null
   * @param parseError why the reader could not parse the record ("reason:detail" when the
   *     reader knows the reason), or null
   */
  public Parsed parse(Map<String, String> fields, byte[] content, String parseError) {
    if (parseError != null) {
      int colon = parseError.indexOf(':');
      for (RejectReason r : RejectReason.values()) {
        if (colon > 0 && parseError.substring(0, colon).equals(r.code())) {
          return Parsed.reject(r, parseError.substring(colon + 1));
        }
      }
      return Parsed.reject(RejectReason.UNPARSEABLE, parseError);
    }
    if (fields == null) {
      return Parsed.reject(RejectReason.UNPARSEABLE, "no fields");
    }
    List<String> repairs = new ArrayList<>();
    String rawText = content != null
        ? TextRepair.decode(content, repairs)
        : mapping.get(fields, FieldMapping.TEXT);
    String source = blankToNull(mapping.get(fields, FieldMapping.SOURCE));
    if (rawText == null || rawText.isBlank()) {
      return Parsed.reject(RejectReason.MISSING_TEXT,
          "no text in column '" + mapping.columnOf(FieldMapping.TEXT) + "'");
    }
    if (source == null) {
      return Parsed.reject(RejectReason.MISSING_SOURCE,
          "no source in column '" + mapping.columnOf(FieldMapping.SOURCE) + "'");
    }
    source = source.strip();
    String title = blankToNull(mapping.get(fields, FieldMapping.TITLE));
    String publishedRaw = blankToNull(mapping.get(fields, FieldMapping.PUBLISHED));

    String text = TextRepair.repair(rawText, repairs);
    if (title != null) {
      title = TextRepair.repair(title, new ArrayList<>()).strip();
    }
    PageFurniture.Cleaned cleaned = furniture.clean(text, title);
    if (cleaned.text().isBlank()) {
      return Parsed.reject(RejectReason.NO_TEXT_AFTER_CLEANING,
          "every line was page furniture: " + rulesOf(cleaned.removed()));
    }
    LocalDate published = PublishedDates.parse(publishedRaw);
    boolean dateUnparsed = publishedRaw != null && published == null;
    if (published == null && cleaned.liftedDate() != null) {
      published = cleaned.liftedDate();
    }
    return new Parsed(null, null,
        blankToNull(mapping.get(fields, FieldMapping.ARTICLE_ID)),
        derivedId(source, publishedRaw, title, rawText),
        source, published, publishedRaw, dateUnparsed, title, cleaned.text(),
        blankToNull(mapping.get(fields, FieldMapping.URL)),
        blankToNull(mapping.get(fields, FieldMapping.LANGUAGE)),
        repairs, cleaned.removed());
  }

  /** A stable id from the record's own content: reruns over the same corpus give the same ids. */
  static String derivedId(String source, String publishedRaw, String title, String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (String part : new String[] {source, publishedRaw, title, text}) {
        sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return "fs-" + HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rulesOf(List<PageFurniture.Removed> removed) {
    return removed.stream().map(PageFurniture.Removed::rule).distinct()
        .reduce((a, b) -> a + ", " + b).orElse("none");
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
