package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code article_stats} table: one row per article, its size in each voice. */
public final class ArticleStatsTable {
  public static final String NAME = "article_stats";

  public static final String ARTICLE_ID = "article_id";
  public static final String SOURCE = "source";
  public static final String PUBLISHED = "published";
  public static final String IS_DUPLICATE = "is_duplicate";
  public static final String N_SENTENCES = "n_sentences";
  public static final String N_TOKENS_HEADLINE = "n_tokens_headline";
  public static final String N_TOKENS_OUTLET = "n_tokens_outlet";
  public static final String N_TOKENS_QUOTED = "n_tokens_quoted";
  public static final String N_TOKENS_REPORTED = "n_tokens_reported";
  public static final String N_PAIRS_OWN = "n_pairs_own";

  public static final StructType SCHEMA = new StructType()
      .add(ARTICLE_ID, DataTypes.StringType, false)
      .add(SOURCE, DataTypes.StringType, false)
      .add(PUBLISHED, DataTypes.DateType, true)
      .add(IS_DUPLICATE, DataTypes.BooleanType, false)
      .add(N_SENTENCES, DataTypes.IntegerType, false)
      .add(N_TOKENS_HEADLINE, DataTypes.IntegerType, false)
      .add(N_TOKENS_OUTLET, DataTypes.IntegerType, false)
      .add(N_TOKENS_REPORTED, DataTypes.IntegerType, false)
      .add(N_TOKENS_QUOTED, DataTypes.IntegerType, false)
      .add(N_PAIRS_OWN, DataTypes.IntegerType, false);

  private ArticleStatsTable() {}
}
