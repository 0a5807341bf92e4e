package org.framescope.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.SparkExtension;
import org.framescope.io.LexiconFiles;
import org.framescope.lexicon.Lexicon;
import org.framescope.schema.ArticlesTable;
import org.framescope.sentiment.ValenceLexicon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The analysis pass over Datasets, on a topic other than Syria: every projection of it. */
@ExtendWith(SparkExtension.class)
public class AnalysisPassTest {
  public static final StructType ARTICLES = new StructType()
      .add(ArticlesTable.ARTICLE_ID, DataTypes.StringType)
      .add(ArticlesTable.SOURCE, DataTypes.StringType)
      .add(ArticlesTable.PUBLISHED, DataTypes.DateType)
      .add(ArticlesTable.IS_DUPLICATE, DataTypes.BooleanType)
      .add(ArticlesTable.TITLE, DataTypes.StringType)
      .add(ArticlesTable.TEXT, DataTypes.StringType);

  /** The pass of {@code lexicon} over {@code articles} ({@link #ARTICLES}). */
  public static Dataset<Row> analyse(SparkSession spark, List<Row> articles, String lexicon) {
    Lexicon lex = LexiconFiles.read(new Configuration(), lexicon);
    Broadcast<ArticleAnalysis.Models> models = JavaSparkContext.fromSparkContext(
        spark.sparkContext()).broadcast(ArticleAnalysis.Models.of(lex, ValenceLexicon.builtin()));
    return AnalysisPass.analyse(spark.createDataFrame(articles, ARTICLES), models, true);
  }

  private static List<String> strings(Dataset<Row> df, String expr, String... order) {
    return df.orderBy(order[0], java.util.Arrays.copyOfRange(order, 1, order.length))
        .selectExpr(expr).as(Encoders.STRING()).collectAsList();
  }

  @Test
  void theImmigrationLexiconOnAFewLiteralArticles(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create("a1", "Outlet A", null, false, "Illegal Aliens Flood Border",
        "Officials detained 40 illegal aliens. \"It is a terrible invasion,\" the sheriff said."));
    rows.add(RowFactory.create("b1", "Outlet B", null, false, null,
        "Undocumented immigrants who arrived as children may stay. Space aliens may not."));
    rows.add(RowFactory.create("b2", "Outlet B", null, true, null,
        "Undocumented immigrants who arrived as children may stay. Space aliens may not."));
    Dataset<Row> analysis = analyse(spark, rows, "immigration").cache();
    assertThat(strings(AnalysisPass.explodeTermHits(analysis),
        "concat_ws('|', article_id, name, pole, matched, voice, sentence_index)",
        "article_id", "sentence_index", "char_start")).containsExactly(
        "a1|migrant_status|illegal|Illegal Aliens|headline|0",
        "a1|migrant_status|illegal|illegal aliens|outlet|1",
        "a1|threat|threat|invasion|quoted|2",
        "b1|migrant_status|undocumented|Undocumented immigrants|outlet|1",
        "b2|migrant_status|undocumented|Undocumented immigrants|outlet|1");
    assertThat(strings(AnalysisPass.perArticleStats(analysis),
        "concat_ws(':', article_id, is_duplicate, n_sentences, n_tokens_headline, "
            + "n_tokens_outlet, n_tokens_quoted, n_pairs_own)", "article_id"))
        .containsExactly("a1:false:2:4:8:5:9", "b1:false:2:0:12:0:10", "b2:true:2:0:12:0:10");
    // a1: "Illegal" makes the headline dark (-0.56), "detained" and "illegal" the first of
    // its two outlet parts (-0.74; "the sheriff said." is 0), "terrible" its quotation (-0.48);
    // b's sentences hold no word of valence.
    assertThat(strings(AnalysisPass.explodeArticleTone(analysis),
        "concat_ws(':', article_id, voice, n_sentences, mean_compound < -0.4, "
            + "share_negative, share_positive)", "article_id", "voice")).containsExactly(
        "a1:headline:1:true:1.0:0.0", "a1:outlet:2:false:0.5:0.0",
        "a1:quoted:1:true:1.0:0.0", "b1:outlet:2:false:0.0:0.0", "b2:outlet:2:false:0.0:0.0");
    // "immigrant*" names the actor migrants; copies keep their mentions (scores drop them).
    assertThat(strings(AnalysisPass.explodeActorMentions(analysis),
        "concat_ws('|', article_id, actor, voice, sentence_index, compound)", "article_id"))
        .containsExactly("b1|migrants|outlet|1|0.0", "b2|migrants|outlet|1|0.0");
    // One row per term with its uses per source; the copy b2 adds nothing to its source's
    // counts, and quoted words ("invasion") are not counted.
    Dataset<Row> terms = AnalysisPass.perTermCounts(analysis, 3);
    assertThat(strings(terms.filter("term IN ('aliens', 'undocumented immigrants', "
            + "'invasion', 'space')").selectExpr("term", "ngram", "uses_total",
            "explode(uses_by_source) AS (source, uses)"),
        "concat_ws('|', term, ngram, uses_total, source, uses)", "term", "source"))
        .containsExactly("aliens|1|3|Outlet A|2", "aliens|1|3|Outlet B|1", "space|1|1|Outlet B|1",
            "undocumented immigrants|2|1|Outlet B|1");
    assertThat(terms.count()).isEqualTo(terms.select("term").distinct().count());
    assertThat(terms.selectExpr("explode(uses_by_source) AS (source, uses)", "ngram")
        .filter("source = 'Outlet B' AND ngram = 1").agg(
            org.apache.spark.sql.functions.sum("uses")).first().getLong(0)).isEqualTo(12);
    analysis.unpersist();
  }
}
