package org.framescope.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.lexicon.TermMatcher;
import org.framescope.schema.ArticleStatsTable;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.TermHitsTable;
import org.framescope.text.TextLayer;
import scala.collection.JavaConverters;

/**
 * The features stage over Datasets: {@link #withFeatures} runs {@link ArticleAnalysis} on every
 * article in one pass; {@link #explodeTermHits} and {@link #perArticleStats} cut its result into
 * the two output tables.
 *
 * <p>A Java map, not built-in functions: voice needs the quotation state of the whole paragraph,
 * and longest-match-once needs the candidates at each token, neither of which SQL expressions
 * over exploded tokens can give without a shuffle of every token. The lexicon travels as one
 * broadcast matcher; nothing per article reaches the driver.
 */
public final class TermHits {
  public static final String HITS = "hits";
  /** Spark NLP layer: sentence spans and token spans of the text, when the layer gives them. */
  public static final String SENTENCE_SPANS = "_sentence_spans";
  public static final String TOKEN_SPANS = "_token_spans";

  static final StructType SPAN = new StructType()
      .add("begin", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false);

  public static final StructType FEATURES = new StructType()
      .add(ArticlesTable.ARTICLE_ID, DataTypes.StringType, false)
      .add(ArticlesTable.SOURCE, DataTypes.StringType, false)
      .add(ArticlesTable.PUBLISHED, DataTypes.DateType, true)
      .add(ArticlesTable.IS_DUPLICATE, DataTypes.BooleanType, false)
      .add(ArticleStatsTable.N_SENTENCES, DataTypes.IntegerType, false)
      .add(ArticleStatsTable.N_TOKENS_HEADLINE, DataTypes.IntegerType, false)
      .add(ArticleStatsTable.N_TOKENS_OUTLET, DataTypes.IntegerType, false)
      .add(ArticleStatsTable.N_TOKENS_QUOTED, DataTypes.IntegerType, false)
      .add(HITS, DataTypes.createArrayType(TermHitsTable.HIT, false), false);

  private TermHits() {}

  /**
   * One row per article ({@link #FEATURES}): its word counts per voice and its hits. Needs
   * {@code article_id, source, published, is_duplicate, title, text}; with the Spark NLP layer
   * also {@value #SENTENCE_SPANS} and {@value #TOKEN_SPANS} (arrays of begin/end, end exclusive).
   */
  public static Dataset<Row> withFeatures(Dataset<Row> articles, Broadcast<TermMatcher> matcher) {
    Column[] cols = ArticleText.columns(articles, "withFeatures", ArticlesTable.ARTICLE_ID,
        ArticlesTable.SOURCE, ArticlesTable.PUBLISHED, ArticlesTable.IS_DUPLICATE,
        ArticlesTable.TITLE, ArticlesTable.TEXT);
    boolean spans = ArticleText.hasSpans(articles);
    MapFunction<Row, Row> f = row -> {
      String text = row.getString(5);
      TextLayer.Analysis body = ArticleText.body(row, 5, spans);
      ArticleAnalysis.Result r = ArticleAnalysis.analyze(row.getString(4), text, body,
          matcher.value());
      List<Row> hits = new ArrayList<>(r.hits().size());
      for (ArticleAnalysis.Hit h : r.hits()) {
        hits.add(RowFactory.create(h.entry().kind(), h.entry().name(), h.entry().pole(),
            h.entry().text(), h.matched(), h.voice(), h.sentenceIndex(), h.charStart(),
            h.charEnd()));
      }
      return RowFactory.create(row.get(0), row.get(1), row.get(2), row.get(3), r.nSentences(),
          r.nTokensHeadline(), r.nTokensOutlet(), r.nTokensQuoted(),
          JavaConverters.asScalaBuffer(hits).toSeq());
    };
    return articles.select(cols).map(f, Encoders.row(FEATURES));
  }

  /** The text layer from the Spark NLP layer's span columns. */
  static TextLayer.Analysis fromSpanColumns(String text, List<Row> sentences, List<Row> tokens) {
    return TextLayer.fromSpans(text, spans(sentences), spans(tokens));
  }

  private static List<int[]> spans(List<Row> rows) {
    List<int[]> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(new int[] {r.getInt(0), r.getInt(1)});
    }
    return out;
  }

  /** The {@code term_hits} table: one row per hit. Needs {@link #FEATURES}. */
  public static Dataset<Row> explodeTermHits(Dataset<Row> features) {
    return features
        .select(col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE),
            col(ArticlesTable.PUBLISHED), explode(col(HITS)).as("h"))
        .select(col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE),
            col(ArticlesTable.PUBLISHED), col("h.*"));
  }

  /** The {@code article_stats} table: one row per article. Needs {@link #FEATURES}. */
  public static Dataset<Row> perArticleStats(Dataset<Row> features) {
    return features.drop(HITS);
  }
}
