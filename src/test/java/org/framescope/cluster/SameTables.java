package org.framescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.ReadmeTest;
import org.framescope.schema.ArticlesTable;

/**
 * Holds every output table of a run to a reference run's, on any Hadoop file system. A record's
 * input file is compared by its name: the same corpus may sit on a local disk and on HDFS.
 */
final class SameTables {
  private static final String INPUT_FILE = ArticlesTable.INPUT_FILE;

  private SameTables() {}

  /** Every output table holds the same rows (doubles to 9 decimals: sums may be reordered). */
  static void assertSame(SparkSession spark, String expected, String actual) {
    for (String table : ReadmeTest.TABLES.keySet()) {
      List<String> a = canonical(spark, expected + "/" + table);
      List<String> b = canonical(spark, actual + "/" + table);
      assertThat(b).as(table).hasSameSizeAs(a);
      assertThat(b).as(table).isEqualTo(a);
    }
  }

  private static List<String> canonical(SparkSession spark, String table) {
    List<String> rows = new ArrayList<>();
    for (Row r : spark.read().parquet(table).collectAsList()) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < r.length(); i++) {
        Object v = r.get(i);
        if (v instanceof String path && r.schema().fieldNames()[i].equals(INPUT_FILE)) {
          v = path.substring(path.lastIndexOf('/') + 1);
        }
        b.append(v instanceof Double d ? String.format(Locale.ROOT, "%.9f", d)
            : v instanceof scala.collection.Seq<?> s ? s.mkString("[", ",", "]")
            : String.valueOf(v)).append('|');
      }
      rows.add(b.toString());
    }
    rows.sort(null);
    return rows;
  }
}
