package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code term_counts} table: per source, how often each word and each pair of adjacent words
 * is used in the outlet's own voice (headline and body outside quotations), original articles
 * only. What keyness and every corpus-wide vocabulary measure read.
 */
public final class TermCountsTable {
  public static final String NAME = "term_counts";

  public static final String SOURCE = "source";
  public static final String TERM = "term";
  public static final String NGRAM = "ngram";
  public static final String USES = "uses";

  public static final StructType SCHEMA = new StructType()
      .add(SOURCE, DataTypes.StringType, false)
      .add(TERM, DataTypes.StringType, false)
      .add(NGRAM, DataTypes.IntegerType, false)
      .add(USES, DataTypes.LongType, false);

  private TermCountsTable() {}
}
