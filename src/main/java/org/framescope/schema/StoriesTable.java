package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code stories} table: one row per article that belongs to a story (original articles
 * from at least two sources that report the same event; {@code org.framescope.stories.Stories}).
 */
public final class StoriesTable {
  public static final String NAME = "stories";

  /** The story: the id of its central article. */
  public static final String STORY_ID = "story_id";
  public static final String ARTICLE_ID = "article_id";
  public static final String SOURCE = "source";
  public static final String PUBLISHED = "published";
  /** Cosine similarity of the article's content to the rest of the story's (the other members' sum). */
  public static final String SIMILARITY = "similarity";
  /**
   * The earlier member whose text this one carries (wire copy another outlet ran too), or null:
   * a copy is listed but not counted in the story's scores.
   */
  public static final String COPY_OF = "copy_of";

  public static final StructType SCHEMA = new StructType()
      .add(STORY_ID, DataTypes.StringType, false)
      .add(ARTICLE_ID, DataTypes.StringType, false)
      .add(SOURCE, DataTypes.StringType, false)
      .add(PUBLISHED, DataTypes.DateType, false)
      .add(SIMILARITY, DataTypes.DoubleType, false)
      .add(COPY_OF, DataTypes.StringType, true);

  private StoriesTable() {}
}
