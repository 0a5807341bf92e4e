package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code source_scores} table: per source, axis or frame, voice and period. */
public final class SourceScoresTable {
  public static final String NAME = "source_scores";

  public static final String SOURCE = "source";
  public static final String NAME_COL = "name";
  public static final String KIND = "kind";
  public static final String VOICE = "voice";
  public static final String PERIOD = "period";
  public static final String N_ARTICLES = "n_articles";
  public static final String N_ARTICLES_WITH_HITS = "n_articles_with_hits";
  public static final String N_TOKENS = "n_tokens";
  public static final String POLE_A = "pole_a";
  public static final String POLE_B = "pole_b";
  public static final String COUNT_A = "count_a";
  public static final String COUNT_B = "count_b";
  public static final String PREFERENCE = "preference";
  public static final String PREFERENCE_LOW = "preference_low";
  public static final String PREFERENCE_HIGH = "preference_high";
  public static final String Z_VS_REST = "z_vs_rest";
  public static final String SALIENCE = "salience_per_10k";
  public static final String SALIENCE_LOW = "salience_low";
  public static final String SALIENCE_HIGH = "salience_high";
  public static final String IS_RELIABLE = "is_reliable";
  public static final String EVIDENCE = "evidence";

  public static final String VOICE_OUTLET = "outlet";
  public static final String VOICE_REPORTED = "reported";
  public static final String VOICE_QUOTED = "quoted";
  public static final String VOICE_ALL = "all";
  public static final String PERIOD_ALL = "all";

  public static final StructType SCHEMA = new StructType()
      .add(SOURCE, DataTypes.StringType, false)
      .add(NAME_COL, DataTypes.StringType, false)
      .add(KIND, DataTypes.StringType, false)
      .add(VOICE, DataTypes.StringType, false)
      .add(PERIOD, DataTypes.StringType, false)
      .add(N_ARTICLES, DataTypes.LongType, false)
      .add(N_ARTICLES_WITH_HITS, DataTypes.LongType, false)
      .add(N_TOKENS, DataTypes.LongType, false)
      .add(POLE_A, DataTypes.StringType, false)
      .add(POLE_B, DataTypes.StringType, true)
      .add(COUNT_A, DataTypes.LongType, false)
      .add(COUNT_B, DataTypes.LongType, true)
      .add(PREFERENCE, DataTypes.DoubleType, true)
      .add(PREFERENCE_LOW, DataTypes.DoubleType, true)
      .add(PREFERENCE_HIGH, DataTypes.DoubleType, true)
      .add(Z_VS_REST, DataTypes.DoubleType, true)
      .add(SALIENCE, DataTypes.DoubleType, true)
      .add(SALIENCE_LOW, DataTypes.DoubleType, true)
      .add(SALIENCE_HIGH, DataTypes.DoubleType, true)
      .add(IS_RELIABLE, DataTypes.BooleanType, false)
      .add(EVIDENCE, DataTypes.createArrayType(DataTypes.StringType, false), false);

  private SourceScoresTable() {}
}
