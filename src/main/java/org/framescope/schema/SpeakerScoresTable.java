package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code speaker_scores} table: whom each source lets speak, per period: one row per source
 * (its attributions and the diversity of its speakers), per speaker and per speaker actor.
 */
public final class SpeakerScoresTable {
  public static final String NAME = "speaker_scores";

  public static final String SOURCE = "source";
  public static final String PERIOD = "period";
  public static final String LEVEL = "level";
  public static final String SPEAKER = "speaker";
  public static final String N_ATTRIBUTIONS = "n_attributions";
  public static final String N_ARTICLES = "n_articles";
  public static final String N_TOKENS = "n_tokens";
  public static final String SHARE_OF_TOKENS = "share_of_tokens";
  public static final String N_SPEAKERS = "n_speakers";
  public static final String ENTROPY_BITS = "entropy_bits";
  public static final String EFFECTIVE_SPEAKERS = "effective_speakers";
  public static final String PREFERENCE_BY_AXIS = "preference_by_axis";
  public static final String HITS_BY_AXIS = "hits_by_axis";

  public static final String LEVEL_SOURCE = "source";
  public static final String LEVEL_SPEAKER = "speaker";
  public static final String LEVEL_ACTOR = "actor";

  public static final StructType SCHEMA = new StructType()
      .add(SOURCE, DataTypes.StringType, false)
      .add(PERIOD, DataTypes.StringType, false)
      .add(LEVEL, DataTypes.StringType, false)
      .add(SPEAKER, DataTypes.StringType, true)
      .add(N_ATTRIBUTIONS, DataTypes.LongType, false)
      .add(N_ARTICLES, DataTypes.LongType, false)
      .add(N_TOKENS, DataTypes.LongType, false)
      .add(SHARE_OF_TOKENS, DataTypes.DoubleType, false)
      .add(N_SPEAKERS, DataTypes.LongType, true)
      .add(ENTROPY_BITS, DataTypes.DoubleType, true)
      .add(EFFECTIVE_SPEAKERS, DataTypes.DoubleType, true)
      .add(PREFERENCE_BY_AXIS, DataTypes.createMapType(DataTypes.StringType,
          DataTypes.DoubleType, false), true)
      .add(HITS_BY_AXIS, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType,
          false), true);

  private SpeakerScoresTable() {}
}
