package org.framescope.corpus;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses the publication dates corpora carry into a {@link LocalDate}. A timestamp keeps the
 * calendar date it was written with (no shift to UTC): "2018-09-11T23:30:00-05:00" is 11
 * September, the outlet's own date.
 *
 * <p>Spark's own {@code to_date} cannot parse day names ("Wed, 12 Sep 2018 ...", RFC 1123) with
 * its current parser, so this runs in Java inside the record parser.
 */
public final class PublishedDates {
  private static final Pattern ORDINAL = Pattern.compile("(?<=\\d)(st|nd|rd|th)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private static final List<DateTimeFormatter> FORMATS = List.of(
      DateTimeFormatter.ISO_LOCAL_DATE,
      DateTimeFormatter.ISO_DATE_TIME,
      caseless("yyyy-MM-dd HH:mm[:ss][.SSSSSSSSS][.SSSSSS][.SSS][ XXX][XXX][ z]"),
      DateTimeFormatter.RFC_1123_DATE_TIME,
      caseless("EEE, d MMM yyyy[ HH:mm[:ss][ Z][ z]]"),
      caseless("MMMM d, yyyy[ HH:mm[:ss]]"),
      caseless("MMM d, yyyy[ HH:mm[:ss]]"),
      caseless("MMM. d, yyyy"),
      caseless("EEEE, MMMM d, yyyy"),
      caseless("d MMMM yyyy"),
      caseless("d MMM yyyy"),
      caseless("yyyy/MM/dd"),
      caseless("yyyyMMdd"));

  private PublishedDates() {}

  /** The date written in {@code raw}, or null when it is blank or in no form understood here. */
  public static LocalDate parse(String raw) {
    if (raw == null) {
      return null;
    }
    String s = SPACES.matcher(raw.strip()).replaceAll(" ");
    if (s.isEmpty()) {
      return null;
    }
    s = ORDINAL.matcher(s).replaceAll("");
    for (DateTimeFormatter f : FORMATS) {
      try {
        TemporalAccessor t = f.parse(s);
        return LocalDate.from(t);
      } catch (java.time.DateTimeException e) {
        // try the next form
      }
    }
    try {
      return OffsetDateTime.parse(s).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static DateTimeFormatter caseless(String pattern) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
        .toFormatter(Locale.ENGLISH);
  }
}
