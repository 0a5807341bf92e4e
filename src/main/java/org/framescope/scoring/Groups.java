package org.framescope.scoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.framescope.schema.SourceScoresTable;

/**
 * The groups an article counts in: its source and the whole corpus, each for the period 'all' and
 * for its month. Keys are {@code S|source|period} and {@code C||period} with '\u0001' between.
 * An article is summed into its source's groups only; a corpus group is the sum of its period's
 * source groups ({@link BootstrapSums#withCorpusSums}), which is the same sum, computed from a
 * row per source instead of a row per article.
 */
public final class Groups {
  static final char SEP = '\u0001';
  static final String SOURCE = "S";
  static final String CORPUS = "C";

  private Groups() {}

  static List<String> keys(String source, java.sql.Date published) {
    List<String> periods = new ArrayList<>(2);
    periods.add(SourceScoresTable.PERIOD_ALL);
    if (published != null) {
      LocalDate d = published.toLocalDate();
      periods.add(String.format("%04d-%02d", d.getYear(), d.getMonthValue()));
    }
    List<String> keys = new ArrayList<>(2);
    for (String p : periods) {
      keys.add(SOURCE + SEP + source + SEP + p);
    }
    return keys;
  }

  /**
   * The {@link BootstrapSums#INPUT} rows of one article: its vector {@code v} under each group
   * it counts in.
   */
  static List<org.apache.spark.sql.Row> inputRows(String source, java.sql.Date published,
      long articleHash, long[] v) {
    List<Long> values = new ArrayList<>(v.length);
    for (long x : v) {
      values.add(x);
    }
    var seq = scala.collection.JavaConverters.asScalaBuffer(values).toSeq();
    List<org.apache.spark.sql.Row> out = new ArrayList<>(4);
    for (String key : keys(source, published)) {
      out.add(org.apache.spark.sql.RowFactory.create(key, articleHash, seq));
    }
    return out;
  }

  /** {kind, source, period} of a key. */
  static String[] parse(String key) {
    return key.split(String.valueOf(SEP), -1);
  }

  /**
   * Voice groups of scoring: the outlet's own words (headline and body, neither reported nor
   * quoted), reported speech, quotations, all.
   */
  static final String[] VOICES = {SourceScoresTable.VOICE_OUTLET,
      SourceScoresTable.VOICE_REPORTED, SourceScoresTable.VOICE_QUOTED,
      SourceScoresTable.VOICE_ALL};
  /** The number of voice groups, and the index of 'all'. */
  static final int N_VOICES = VOICES.length;
  static final int ALL = N_VOICES - 1;

  /** The voice group's name ({@link #VOICES}) of a hit's voice column. */
  public static org.apache.spark.sql.Column voiceGroup(org.apache.spark.sql.Column voice) {
    return org.apache.spark.sql.functions.when(voice.equalTo("quoted"),
            SourceScoresTable.VOICE_QUOTED)
        .when(voice.equalTo("reported"), SourceScoresTable.VOICE_REPORTED)
        .otherwise(SourceScoresTable.VOICE_OUTLET);
  }

  /** The voice group (0 outlet, 1 reported, 2 quoted) of a hit's or mention's voice. */
  static int voiceGroup(String voice) {
    return switch (voice) {
      case "reported" -> 1;
      case "quoted" -> 2;
      default -> 0;
    };
  }
}
