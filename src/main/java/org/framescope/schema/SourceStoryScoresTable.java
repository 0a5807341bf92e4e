package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code source_story_scores} table: per source, axis and voice, its preference with the
 * story held fixed (its deviation from each story's mean, averaged over its stories) beside its
 * plain preference from {@code source_scores}.
 */
public final class SourceStoryScoresTable {
  public static final String NAME = "source_story_scores";

  public static final String SOURCE = "source";
  public static final String NAME_COL = "name";
  public static final String VOICE = "voice";
  /** Stories where the source and at least one other source have hits. */
  public static final String N_STORIES = "n_stories";
  public static final String WITHIN_STORY = "within_story_preference";
  public static final String WITHIN_STORY_LOW = "within_story_low";
  public static final String WITHIN_STORY_HIGH = "within_story_high";
  /** source_scores' preference (period all) minus the corpus's (2π − 1): on the same scale. */
  public static final String PLAIN = "plain_preference";
  public static final String PREFERENCE = "preference";

  public static final StructType SCHEMA = new StructType()
      .add(SOURCE, DataTypes.StringType, false)
      .add(NAME_COL, DataTypes.StringType, false)
      .add(VOICE, DataTypes.StringType, false)
      .add(N_STORIES, DataTypes.LongType, false)
      .add(WITHIN_STORY, DataTypes.DoubleType, false)
      .add(WITHIN_STORY_LOW, DataTypes.DoubleType, true)
      .add(WITHIN_STORY_HIGH, DataTypes.DoubleType, true)
      .add(PLAIN, DataTypes.DoubleType, true)
      .add(PREFERENCE, DataTypes.DoubleType, true);

  private SourceStoryScoresTable() {}
}
