package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code rejects} table: one row per input record that could not become an article. */
public final class RejectsTable {
  public static final String NAME = "rejects";

  public static final String INPUT_FILE = "input_file";
  public static final String RECORD = "record";
  public static final String REASON = "reason";
  public static final String DETAIL = "detail";

  public static final StructType SCHEMA = new StructType()
      .add(INPUT_FILE, DataTypes.StringType, true)
      .add(RECORD, DataTypes.StringType, true)
      .add(REASON, DataTypes.StringType, false)
      .add(DETAIL, DataTypes.StringType, true);

  private RejectsTable() {}
}
