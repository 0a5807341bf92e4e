package org.framescope.features;

import static org.apache.spark.sql.functions.*;

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
import org.framescope.schema.ActorMentionsTable;
import org.framescope.schema.ArticleSentimentTable;
import org.framescope.schema.ArticlesTable;
import org.framescope.sentiment.SentenceScorer;
import org.framescope.text.TextLayer;
import scala.collection.JavaConverters;

/**
 * The sentiment stage over Datasets: {@link #withSentiment} scores every sentence part of every
 * article in one pass (a Java map, for the same reason as {@link TermHits}: the rules read a
 * sentence's words in order); {@link #perArticleVoice} and {@link #explodeActorMentions} make the
 * output tables. The scorer and the actor matcher are broadcast; nothing per sentence reaches the
 * driver.
 */
public final class Sentiment {
  public static final String PARTS = "parts";
  public static final String MENTIONS = "mentions";
  /** A part is negative at or below -0.05 and positive at or above 0.05 (VADER's convention). */
  public static final double THRESHOLD = 0.05;

  static final StructType PART = new StructType()
      .add(ArticleSentimentTable.VOICE, DataTypes.StringType, false)
      .add("sentence_index", DataTypes.IntegerType, false)
      .add("compound", DataTypes.DoubleType, false);

  public static final StructType SCORED = new StructType()
      .add(ArticlesTable.ARTICLE_ID, DataTypes.StringType, false)
      .add(ArticlesTable.SOURCE, DataTypes.StringType, false)
      .add(ArticlesTable.PUBLISHED, DataTypes.DateType, true)
      .add(PARTS, DataTypes.createArrayType(PART, false), false)
      .add(MENTIONS, DataTypes.createArrayType(ActorMentionsTable.MENTION, false), false);

  private Sentiment() {}

  /** The scorer and the actors' matcher, broadcast together. */
  public record Models(SentenceScorer scorer, TermMatcher actors) implements java.io.Serializable {}

  /**
   * One row per article ({@link #SCORED}): its scored sentence parts and its actor mentions.
   * Needs {@code article_id, source, published, title, text}, and the span columns of the Spark
   * NLP layer when present (see {@link TermHits#withFeatures}).
   */
  public static Dataset<Row> withSentiment(Dataset<Row> articles, Broadcast<Models> models) {
    Column[] cols = ArticleText.columns(articles, "withSentiment", ArticlesTable.ARTICLE_ID,
        ArticlesTable.SOURCE, ArticlesTable.PUBLISHED, ArticlesTable.TITLE, ArticlesTable.TEXT);
    boolean spans = ArticleText.hasSpans(articles);
    MapFunction<Row, Row> f = row -> {
      String text = row.getString(4);
      TextLayer.Analysis body = ArticleText.body(row, 4, spans);
      Models m = models.value();
      SentimentAnalysis.Result r = SentimentAnalysis.analyze(row.getString(3), text, body,
          m.scorer(), m.actors());
      List<Row> parts = new ArrayList<>(r.parts().size());
      for (SentimentAnalysis.Part p : r.parts()) {
        parts.add(RowFactory.create(p.voice(), p.sentenceIndex(), p.compound()));
      }
      List<Row> mentions = new ArrayList<>(r.mentions().size());
      for (SentimentAnalysis.Mention x : r.mentions()) {
        mentions.add(RowFactory.create(x.actor(), x.voice(), x.sentenceIndex(), x.compound()));
      }
      return RowFactory.create(row.get(0), row.get(1), row.get(2),
          JavaConverters.asScalaBuffer(parts).toSeq(),
          JavaConverters.asScalaBuffer(mentions).toSeq());
    };
    return articles.select(cols).map(f, Encoders.row(SCORED));
  }

  /**
   * The {@code article_sentiment} table: per article and voice, the number of sentence parts,
   * their mean compound and the shares at or beyond ±{@value #THRESHOLD}. Needs {@link #SCORED}.
   */
  public static Dataset<Row> perArticleVoice(Dataset<Row> scored) {
    Column c = col("p.compound");
    return scored
        .select(col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE),
            col(ArticlesTable.PUBLISHED), explode(col(PARTS)).as("p"))
        .groupBy(col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE),
            col(ArticlesTable.PUBLISHED), col("p.voice").as(ArticleSentimentTable.VOICE))
        .agg(count(lit(1)).as(ArticleSentimentTable.N_SENTENCES),
            avg(c).as(ArticleSentimentTable.MEAN_COMPOUND),
            avg(when(c.leq(-THRESHOLD), 1.0).otherwise(0.0))
                .as(ArticleSentimentTable.SHARE_NEGATIVE),
            avg(when(c.geq(THRESHOLD), 1.0).otherwise(0.0))
                .as(ArticleSentimentTable.SHARE_POSITIVE));
  }

  /** The {@code actor_mentions} table: one row per part and actor. Needs {@link #SCORED}. */
  public static Dataset<Row> explodeActorMentions(Dataset<Row> scored) {
    return scored
        .select(col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE),
            col(ArticlesTable.PUBLISHED), explode(col(MENTIONS)).as("m"))
        .select(col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE),
            col(ArticlesTable.PUBLISHED), col("m.*"));
  }
}
