package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code term_hits} table: one row per lexicon entry found in an article. */
public final class TermHitsTable {
  public static final String NAME = "term_hits";

  public static final String ARTICLE_ID = "article_id";
  public static final String SOURCE = "source";
  public static final String PUBLISHED = "published";
  public static final String KIND = "kind";
  public static final String NAME_COL = "name";
  public static final String POLE = "pole";
  public static final String ENTRY = "entry";
  public static final String MATCHED = "matched";
  public static final String VOICE = "voice";
  public static final String SENTENCE_INDEX = "sentence_index";
  public static final String CHAR_START = "char_start";
  public static final String CHAR_END = "char_end";

  public static final String VOICE_HEADLINE = "headline";
  public static final String VOICE_OUTLET = "outlet";
  public static final String VOICE_REPORTED = "reported";
  public static final String VOICE_QUOTED = "quoted";

  /** The fields of one hit, as the features stage builds them before exploding. */
  public static final StructType HIT = new StructType()
      .add(KIND, DataTypes.StringType, false)
      .add(NAME_COL, DataTypes.StringType, false)
      .add(POLE, DataTypes.StringType, false)
      .add(ENTRY, DataTypes.StringType, false)
      .add(MATCHED, DataTypes.StringType, false)
      .add(VOICE, DataTypes.StringType, false)
      .add(SENTENCE_INDEX, DataTypes.IntegerType, false)
      .add(CHAR_START, DataTypes.IntegerType, false)
      .add(CHAR_END, DataTypes.IntegerType, false);

  public static final StructType SCHEMA = withHit(new StructType()
      .add(ARTICLE_ID, DataTypes.StringType, false)
      .add(SOURCE, DataTypes.StringType, false)
      .add(PUBLISHED, DataTypes.DateType, true));

  private static StructType withHit(StructType article) {
    StructType s = article;
    for (var f : HIT.fields()) {
      s = s.add(f);
    }
    return s;
  }

  private TermHitsTable() {}
}
