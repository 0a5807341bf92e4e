package org.framescope.corpus;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which input column holds each canonical field. A field without a mapping is looked up under
 * its own name, ignoring case; {@code --map text=content} reads the text from "content".
 */
public final class FieldMapping implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String ARTICLE_ID = "article_id";
  public static final String SOURCE = "source";
  public static final String PUBLISHED = "published";
  public static final String TITLE = "title";
  public static final String TEXT = "text";
  public static final String URL = "url";
  public static final String LANGUAGE = "language";
  public static final List<String> CANONICAL =
      List.of(ARTICLE_ID, SOURCE, PUBLISHED, TITLE, TEXT, URL, LANGUAGE);

  private final Map<String, String> columns;

  private FieldMapping(Map<String, String> columns) {
    this.columns = columns;
  }

  public static FieldMapping identity() {
    return new FieldMapping(Map.of());
  }

  /** From {@code field=column} pairs, failing with a message that names a bad pair. */
  public static FieldMapping parse(List<String> pairs) {
    Map<String, String> columns = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0 || eq == pair.length() - 1) {
        throw new IllegalArgumentException(
            "--map '" + pair + "': expected field=column, e.g. text=content");
      }
      String field = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (!CANONICAL.contains(field)) {
        throw new IllegalArgumentException("--map '" + pair + "': unknown field '" + field
            + "' (fields: " + String.join(", ", CANONICAL) + ")");
      }
      if (columns.put(field, pair.substring(eq + 1).strip()) != null) {
        throw new IllegalArgumentException("--map: field '" + field + "' is mapped twice");
      }
    }
    return new FieldMapping(columns);
  }

  /** The explicit mappings, field to column. */
  @com.fasterxml.jackson.annotation.JsonValue
  public Map<String, String> explicit() {
    return Map.copyOf(columns);
  }

  /** The value of {@code field} in {@code record}, or null. */
  public String get(Map<String, String> record, String field) {
    String column = columns.get(field);
    if (column != null) {
      return record.get(column);
    }
    String value = record.get(field);
    if (value != null || record.containsKey(field)) {
      return value;
    }
    for (Map.Entry<String, String> e : record.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(field)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The column {@code field} is read from, for messages. */
  public String columnOf(String field) {
    return columns.getOrDefault(field, field);
  }
}
