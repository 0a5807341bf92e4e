package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code articles} table: one row per accepted record, cleaned, duplicates flagged. */
public final class ArticlesTable {
  public static final String NAME = "articles";

  public static final String ARTICLE_ID = "article_id";
  public static final String SOURCE = "source";
  public static final String PUBLISHED = "published";
  public static final String PUBLISHED_RAW = "published_raw";
  public static final String TITLE = "title";
  public static final String TEXT = "text";
  public static final String URL = "url";
  public static final String LANGUAGE = "language";
  public static final String INPUT_FILE = "input_file";
  public static final String REPAIRS = "repairs";
  public static final String IS_DUPLICATE = "is_duplicate";
  public static final String DUPLICATE_OF = "duplicate_of";

  public static final StructType SCHEMA = new StructType()
      .add(ARTICLE_ID, DataTypes.StringType, false)
      .add(SOURCE, DataTypes.StringType, false)
      .add(PUBLISHED, DataTypes.DateType, true)
      .add(PUBLISHED_RAW, DataTypes.StringType, true)
      .add(TITLE, DataTypes.StringType, true)
      .add(TEXT, DataTypes.StringType, false)
      .add(URL, DataTypes.StringType, true)
      .add(LANGUAGE, DataTypes.StringType, true)
      .add(INPUT_FILE, DataTypes.StringType, true)
      .add(REPAIRS, DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add(IS_DUPLICATE, DataTypes.BooleanType, false)
      .add(DUPLICATE_OF, DataTypes.StringType, true);

  private ArticlesTable() {}
}
