package org.framescope.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.SparkExtension;
import org.framescope.io.LexiconFiles;
import org.framescope.lexicon.TermMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The features stage over Datasets, on a topic other than Syria. */
@ExtendWith(SparkExtension.class)
class FeaturesSparkTest {
  private static final StructType ARTICLES = new StructType()
      .add("article_id", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("published", DataTypes.DateType)
      .add("is_duplicate", DataTypes.BooleanType)
      .add("title", DataTypes.StringType)
      .add("text", DataTypes.StringType);

  @Test
  void theImmigrationLexiconOnAFewLiteralArticles(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create("a1", "Outlet A", null, false, "Illegal Aliens Flood Border",
        "Officials detained 40 illegal aliens. \"It is an invasion,\" the sheriff said."));
    rows.add(RowFactory.create("b1", "Outlet B", null, false, null,
        "Undocumented immigrants who arrived as children may stay. Space aliens may not."));
    rows.add(RowFactory.create("b2", "Outlet B", null, true, null,
        "Undocumented immigrants who arrived as children may stay. Space aliens may not."));
    Dataset<Row> articles = spark.createDataFrame(rows, ARTICLES);
    var matcher = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(
        new TermMatcher(LexiconFiles.read(new org.apache.hadoop.conf.Configuration(),
            "immigration").termEntries()));
    Dataset<Row> features = TermHits.withFeatures(articles, matcher).cache();
    List<String> hits = TermHits.explodeTermHits(features)
        .orderBy("article_id", "sentence_index", "char_start")
        .selectExpr("concat_ws('|', article_id, name, pole, matched, voice, sentence_index)")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(hits).containsExactly(
        "a1|migrant_status|illegal|Illegal Aliens|headline|0",
        "a1|migrant_status|illegal|illegal aliens|outlet|1",
        "a1|threat|threat|invasion|quoted|2",
        "b1|migrant_status|undocumented|Undocumented immigrants|outlet|1",
        "b2|migrant_status|undocumented|Undocumented immigrants|outlet|1");
    List<Row> stats = TermHits.perArticleStats(features).orderBy("article_id").collectAsList();
    assertThat(stats).extracting(r -> r.getAs("article_id") + ":" + r.getAs("is_duplicate") + ":"
        + r.getAs("n_sentences") + ":" + r.getAs("n_tokens_headline") + ":"
        + r.getAs("n_tokens_outlet") + ":" + r.getAs("n_tokens_quoted"))
        .containsExactly("a1:false:2:4:8:4", "b1:false:2:0:12:0", "b2:true:2:0:12:0");
  }
}
