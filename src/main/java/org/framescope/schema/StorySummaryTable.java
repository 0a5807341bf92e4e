package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code story_summary} table: one row per story. */
public final class StorySummaryTable {
  public static final String NAME = "story_summary";

  public static final String STORY_ID = "story_id";
  public static final String FIRST_PUBLISHED = "first_published";
  public static final String LAST_PUBLISHED = "last_published";
  /** Its articles, copies included. */
  public static final String N_ARTICLES = "n_articles";
  /** Sources with an article of their own in it (a copy does not count). */
  public static final String N_SOURCES = "n_sources";
  /** The terms most characteristic of it: how many members use them times their IDF. */
  public static final String TOP_TERMS = "top_terms";
  /** The headline of the member closest to the story, its id and source. */
  public static final String HEADLINE = "headline";
  public static final String HEADLINE_ARTICLE_ID = "headline_article_id";
  public static final String HEADLINE_SOURCE = "headline_source";

  public static final StructType SCHEMA = new StructType()
      .add(STORY_ID, DataTypes.StringType, false)
      .add(FIRST_PUBLISHED, DataTypes.DateType, false)
      .add(LAST_PUBLISHED, DataTypes.DateType, false)
      .add(N_ARTICLES, DataTypes.LongType, false)
      .add(N_SOURCES, DataTypes.LongType, false)
      .add(TOP_TERMS, DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add(HEADLINE, DataTypes.StringType, true)
      .add(HEADLINE_ARTICLE_ID, DataTypes.StringType, false)
      .add(HEADLINE_SOURCE, DataTypes.StringType, false);

  private StorySummaryTable() {}
}
