package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code actor_scores} table: per source, actor, voice and period, the tone toward it. */
public final class ActorScoresTable {
  public static final String NAME = "actor_scores";

  public static final String SOURCE = "source";
  public static final String ACTOR = "actor";
  public static final String VOICE = "voice";
  public static final String PERIOD = "period";
  public static final String N_MENTIONS = "n_mentions";
  public static final String N_ARTICLES = "n_articles";
  public static final String MEAN_COMPOUND = "mean_compound";
  public static final String MEAN_LOW = "mean_low";
  public static final String MEAN_HIGH = "mean_high";
  public static final String DIFF = "diff_from_corpus";
  public static final String DIFF_LOW = "diff_low";
  public static final String DIFF_HIGH = "diff_high";
  public static final String IS_RELIABLE = "is_reliable";

  public static final StructType SCHEMA = new StructType()
      .add(SOURCE, DataTypes.StringType, false)
      .add(ACTOR, DataTypes.StringType, false)
      .add(VOICE, DataTypes.StringType, false)
      .add(PERIOD, DataTypes.StringType, false)
      .add(N_MENTIONS, DataTypes.LongType, false)
      .add(N_ARTICLES, DataTypes.LongType, false)
      .add(MEAN_COMPOUND, DataTypes.DoubleType, true)
      .add(MEAN_LOW, DataTypes.DoubleType, true)
      .add(MEAN_HIGH, DataTypes.DoubleType, true)
      .add(DIFF, DataTypes.DoubleType, true)
      .add(DIFF_LOW, DataTypes.DoubleType, true)
      .add(DIFF_HIGH, DataTypes.DoubleType, true)
      .add(IS_RELIABLE, DataTypes.BooleanType, false);

  private ActorScoresTable() {}
}
