package org.framescope.io;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Reads and writes the output tables as Parquet, always in their schema class's shape. */
public final class Tables {
  private Tables() {}

  /**
   * Writes {@code df} to {@code path} with exactly {@code schema}'s columns in its order, failing
   * with the column's name when one is missing or of another type.
   */
  public static void write(Dataset<Row> df, StructType schema, String path) {
    conform(df, schema).write().mode(SaveMode.ErrorIfExists).parquet(path);
  }

  /** Reads a table written by {@link #write}, applying its schema rather than inferring one. */
  public static Dataset<Row> read(SparkSession spark, StructType schema, String path) {
    Dataset<Row> df = spark.read().parquet(path);
    return conform(df, schema);
  }

  static Dataset<Row> conform(Dataset<Row> df, StructType schema) {
    StructType have = df.schema();
    List<Column> cols = new ArrayList<>();
    for (StructField f : schema.fields()) {
      if (!List.of(have.fieldNames()).contains(f.name())) {
        throw new IllegalArgumentException("table lacks column '" + f.name() + "' (has "
            + String.join(", ", have.fieldNames()) + ")");
      }
      DataType actual = have.apply(f.name()).dataType();
      if (!sameType(actual, f.dataType())) {
        throw new IllegalArgumentException("column '" + f.name() + "' is " + actual.simpleString()
            + ", expected " + f.dataType().simpleString());
      }
      cols.add(col("`" + f.name() + "`"));
    }
    return df.select(cols.toArray(new Column[0]));
  }

  /** Equal types, ignoring nullability inside arrays, maps and structs. */
  private static boolean sameType(DataType a, DataType b) {
    return a.asNullable().equals(b.asNullable());
  }
}
