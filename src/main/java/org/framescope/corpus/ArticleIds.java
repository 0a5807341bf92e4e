package org.framescope.corpus;

import static org.apache.spark.sql.functions.*;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/** Assigns every accepted record a unique, rerun-stable {@code article_id}. */
public final class ArticleIds {
  public static final String ARTICLE_ID = "article_id";
  /** True where a given id was shared by several records and this one's was suffixed. */
  public static final String ID_MADE_UNIQUE = "id_made_unique";

  private ArticleIds() {}

  /**
   * Adds {@code article_id}: the record's given id, else its derived id. When several different
   * records carry one id, all survive: the first by derived id keeps it and the others get
   * {@code "~2"}, {@code "~3"}, ... in derived-id order, so the result does not depend on how the
   * input was split. Needs {@code given_id}, {@code derived_id}, {@code input_file}; one row per
   * input row.
   */
  public static Dataset<Row> withArticleIds(Dataset<Row> records) {
    Columns.require(records, "withArticleIds",
        CleanRecords.GIVEN_ID, CleanRecords.DERIVED_ID, CleanRecords.INPUT_FILE);
    Column base = coalesce(col(CleanRecords.GIVEN_ID), col(CleanRecords.DERIVED_ID));
    WindowSpec sameId = Window.partitionBy(base)
        .orderBy(col(CleanRecords.DERIVED_ID), col(CleanRecords.INPUT_FILE));
    Column rank = row_number().over(sameId);
    return records
        .withColumn("_rank", rank)
        .withColumn(ARTICLE_ID,
            when(col("_rank").equalTo(1), base)
                .otherwise(concat(base, lit("~"), col("_rank").cast("string"))))
        .withColumn(ID_MADE_UNIQUE, col("_rank").gt(1))
        .drop("_rank");
  }
}
