package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code term_counts} table: one row per word and per pair of adjacent words used in the
 * outlets' own voice (headline and body outside quotations), original articles only, with its
 * uses in each source. What keyness and every corpus-wide vocabulary measure read.
 */
public final class TermCountsTable {
  public static final String NAME = "term_counts";

  public static final String TERM = "term";
  public static final String NGRAM = "ngram";
  public static final String USES_TOTAL = "uses_total";
  public static final String USES_BY_SOURCE = "uses_by_source";

  public static final StructType SCHEMA = new StructType()
      .add(TERM, DataTypes.StringType, false)
      .add(NGRAM, DataTypes.IntegerType, false)
      .add(USES_TOTAL, DataTypes.LongType, false)
      .add(USES_BY_SOURCE, DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType,
          false), false);

  private TermCountsTable() {}
}
