package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code pair_scores} table: per pair of sources ({@code source_a < source_b}), axis and
 * voice, how their preferences differ on the stories both covered with hits.
 */
public final class PairScoresTable {
  public static final String NAME = "pair_scores";

  public static final String SOURCE_A = "source_a";
  public static final String SOURCE_B = "source_b";
  public static final String NAME_COL = "name";
  public static final String VOICE = "voice";
  public static final String N_STORIES = "n_stories";
  /** Mean over the shared stories of source_a's preference minus source_b's. */
  public static final String MEAN_DIFFERENCE = "mean_difference";
  public static final String DIFFERENCE_LOW = "difference_low";
  public static final String DIFFERENCE_HIGH = "difference_high";

  public static final StructType SCHEMA = new StructType()
      .add(SOURCE_A, DataTypes.StringType, false)
      .add(SOURCE_B, DataTypes.StringType, false)
      .add(NAME_COL, DataTypes.StringType, false)
      .add(VOICE, DataTypes.StringType, false)
      .add(N_STORIES, DataTypes.LongType, false)
      .add(MEAN_DIFFERENCE, DataTypes.DoubleType, false)
      .add(DIFFERENCE_LOW, DataTypes.DoubleType, true)
      .add(DIFFERENCE_HIGH, DataTypes.DoubleType, true);

  private PairScoresTable() {}
}
