package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code source_keyness} table: the words each source uses more, and less, than the rest. */
public final class SourceKeynessTable {
  public static final String NAME = "source_keyness";

  public static final String SOURCE = "source";
  public static final String TERM = "term";
  public static final String NGRAM = "ngram";
  public static final String DIRECTION = "direction";
  public static final String RANK = "rank";
  public static final String COUNT_SOURCE = "count_source";
  public static final String COUNT_REST = "count_rest";
  public static final String Z = "z";

  public static final String OVER = "over";
  public static final String UNDER = "under";

  public static final StructType SCHEMA = new StructType()
      .add(SOURCE, DataTypes.StringType, false)
      .add(TERM, DataTypes.StringType, false)
      .add(NGRAM, DataTypes.IntegerType, false)
      .add(DIRECTION, DataTypes.StringType, false)
      .add(RANK, DataTypes.IntegerType, false)
      .add(COUNT_SOURCE, DataTypes.LongType, false)
      .add(COUNT_REST, DataTypes.LongType, false)
      .add(Z, DataTypes.DoubleType, false);

  private SourceKeynessTable() {}
}
