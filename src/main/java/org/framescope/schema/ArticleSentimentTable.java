package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code article_sentiment} table: one row per article and voice, its sentences' tone. */
public final class ArticleSentimentTable {
  public static final String NAME = "article_sentiment";

  public static final String ARTICLE_ID = "article_id";
  public static final String SOURCE = "source";
  public static final String PUBLISHED = "published";
  public static final String VOICE = "voice";
  public static final String N_SENTENCES = "n_sentences";
  public static final String MEAN_COMPOUND = "mean_compound";
  public static final String SHARE_NEGATIVE = "share_negative";
  public static final String SHARE_POSITIVE = "share_positive";

  public static final StructType SCHEMA = new StructType()
      .add(ARTICLE_ID, DataTypes.StringType, false)
      .add(SOURCE, DataTypes.StringType, false)
      .add(PUBLISHED, DataTypes.DateType, true)
      .add(VOICE, DataTypes.StringType, false)
      .add(N_SENTENCES, DataTypes.LongType, false)
      .add(MEAN_COMPOUND, DataTypes.DoubleType, false)
      .add(SHARE_NEGATIVE, DataTypes.DoubleType, false)
      .add(SHARE_POSITIVE, DataTypes.DoubleType, false);

  private ArticleSentimentTable() {}
}
