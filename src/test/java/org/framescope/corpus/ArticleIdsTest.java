package org.framescope.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.SparkExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class ArticleIdsTest {
  private static final StructType IN = new StructType()
      .add("given_id", DataTypes.StringType)
      .add("derived_id", DataTypes.StringType)
      .add("input_file", DataTypes.StringType);

  @Test
  void givenIdsWinDerivedFillInAndSharedIdsAreMadeUnique(SparkSession spark) {
    var df = spark.createDataFrame(List.of(
        RowFactory.create("a1", "fs-2", "f1"),
        RowFactory.create("a1", "fs-1", "f2"),
        RowFactory.create("a1", "fs-3", "f1"),
        RowFactory.create(null, "fs-9", "f1"),
        RowFactory.create("b", "fs-4", "f1")), IN);
    List<Row> rows = ArticleIds.withArticleIds(df)
        .select("derived_id", "article_id", "id_made_unique").orderBy("derived_id")
        .collectAsList();
    assertThat(rows).extracting(Row::toString).containsExactly(
        "[fs-1,a1,false]", "[fs-2,a1~2,true]", "[fs-3,a1~3,true]", "[fs-4,b,false]",
        "[fs-9,fs-9,false]");
  }
}
