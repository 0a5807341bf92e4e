package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code story_scores} table: per story, source, axis or frame, and voice ({@code outlet},
 * {@code reported}, {@code quoted}, {@code all}), the hits of each pole in the source's articles
 * of the story and its preference; one row where the source has a hit.
 */
public final class StoryScoresTable {
  public static final String NAME = "story_scores";

  public static final String STORY_ID = "story_id";
  public static final String SOURCE = "source";
  public static final String NAME_COL = "name";
  public static final String KIND = "kind";
  public static final String VOICE = "voice";
  public static final String N_ARTICLES = "n_articles";
  public static final String N_TOKENS = "n_tokens";
  public static final String POLE_A = "pole_a";
  public static final String POLE_B = "pole_b";
  public static final String COUNT_A = "count_a";
  public static final String COUNT_B = "count_b";
  /** As in source_scores: shrunk toward the corpus share of pole a (null for a frame). */
  public static final String PREFERENCE = "preference";
  /** The preference minus the mean of the story's sources with hits (null when it has one). */
  public static final String DEVIATION = "deviation";
  public static final String SALIENCE = "salience_per_10k";

  public static final StructType SCHEMA = new StructType()
      .add(STORY_ID, DataTypes.StringType, false)
      .add(SOURCE, DataTypes.StringType, false)
      .add(NAME_COL, DataTypes.StringType, false)
      .add(KIND, DataTypes.StringType, false)
      .add(VOICE, DataTypes.StringType, false)
      .add(N_ARTICLES, DataTypes.LongType, false)
      .add(N_TOKENS, DataTypes.LongType, false)
      .add(POLE_A, DataTypes.StringType, false)
      .add(POLE_B, DataTypes.StringType, true)
      .add(COUNT_A, DataTypes.LongType, false)
      .add(COUNT_B, DataTypes.LongType, true)
      .add(PREFERENCE, DataTypes.DoubleType, true)
      .add(DEVIATION, DataTypes.DoubleType, true)
      .add(SALIENCE, DataTypes.DoubleType, true);

  private StoryScoresTable() {}
}
