package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code quotes} table: one row per attribution, a direct quotation or a statement reported
 * without quote marks, with its speaker ({@link org.framescope.text.Attribution}).
 */
public final class QuotesTable {
  public static final String NAME = "quotes";

  public static final String ARTICLE_ID = "article_id";
  public static final String SOURCE = "source";
  public static final String PUBLISHED = "published";
  public static final String KIND = "kind";
  public static final String CHAR_START = "char_start";
  public static final String CHAR_END = "char_end";
  public static final String SPEAKER = "speaker";
  public static final String SPEAKER_START = "speaker_start";
  public static final String SPEAKER_END = "speaker_end";
  public static final String SPEAKER_NAME = "speaker_name";
  public static final String SPEAKER_ACTOR = "speaker_actor";
  public static final String CUE = "cue";
  public static final String SENTENCE_INDEX = "sentence_index";
  public static final String N_TOKENS = "n_tokens";

  public static final String KIND_DIRECT = "direct";
  public static final String KIND_REPORTED = "reported";
  public static final String KIND_MIXED = "mixed";

  /** The fields of one attribution, as the analysis pass builds them before exploding. */
  public static final StructType QUOTE = new StructType()
      .add(KIND, DataTypes.StringType, false)
      .add(CHAR_START, DataTypes.IntegerType, false)
      .add(CHAR_END, DataTypes.IntegerType, false)
      .add(SPEAKER, DataTypes.StringType, true)
      .add(SPEAKER_START, DataTypes.IntegerType, true)
      .add(SPEAKER_END, DataTypes.IntegerType, true)
      .add(SPEAKER_NAME, DataTypes.StringType, true)
      .add(SPEAKER_ACTOR, DataTypes.StringType, true)
      .add(CUE, DataTypes.StringType, true)
      .add(SENTENCE_INDEX, DataTypes.IntegerType, false)
      .add(N_TOKENS, DataTypes.IntegerType, false);

  public static final StructType SCHEMA = withQuote(new StructType()
      .add(ARTICLE_ID, DataTypes.StringType, false)
      .add(SOURCE, DataTypes.StringType, false)
      .add(PUBLISHED, DataTypes.DateType, true));

  private static StructType withQuote(StructType article) {
    StructType s = article;
    for (var f : QUOTE.fields()) {
      s = s.add(f);
    }
    return s;
  }

  private QuotesTable() {}
}
