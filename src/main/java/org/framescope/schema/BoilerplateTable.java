package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code boilerplate} table: each distinct line removed as page furniture, per source and rule. */
public final class BoilerplateTable {
  public static final String NAME = "boilerplate";

  public static final String SOURCE = "source";
  public static final String RULE = "rule";
  public static final String LINE = "line";
  public static final String N_ARTICLES = "n_articles";
  public static final String N_REMOVED = "n_removed";

  public static final StructType SCHEMA = new StructType()
      .add(SOURCE, DataTypes.StringType, false)
      .add(RULE, DataTypes.StringType, false)
      .add(LINE, DataTypes.StringType, false)
      .add(N_ARTICLES, DataTypes.LongType, false)
      .add(N_REMOVED, DataTypes.LongType, false);

  private BoilerplateTable() {}
}
