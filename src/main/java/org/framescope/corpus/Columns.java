package org.framescope.corpus;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Input checks shared by the corpus transformations. */
final class Columns {
  private Columns() {}

  static void require(Dataset<Row> df, String function, String... columns) {
    List<String> have = List.of(df.columns());
    for (String c : columns) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException(
            function + " needs column '" + c + "', the input has " + have);
      }
    }
  }
}
