package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code duplicates} table: one row per article flagged as a copy of another. */
public final class DuplicatesTable {
  public static final String NAME = "duplicates";

  public static final String ARTICLE_ID = "article_id";
  public static final String DUPLICATE_OF = "duplicate_of";
  public static final String SOURCE = "source";
  public static final String KIND = "kind";
  public static final String JACCARD = "jaccard";
  public static final String CONTAINMENT = "containment";

  public static final String KIND_EXACT = "exact";
  public static final String KIND_NEAR = "near";

  public static final StructType SCHEMA = new StructType()
      .add(ARTICLE_ID, DataTypes.StringType, false)
      .add(DUPLICATE_OF, DataTypes.StringType, false)
      .add(SOURCE, DataTypes.StringType, false)
      .add(KIND, DataTypes.StringType, false)
      .add(JACCARD, DataTypes.DoubleType, false)
      .add(CONTAINMENT, DataTypes.DoubleType, false);

  private DuplicatesTable() {}
}
