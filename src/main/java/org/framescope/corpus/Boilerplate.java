package org.framescope.corpus;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.BoilerplateTable;
import scala.collection.JavaConverters;

/**
 * Page furniture that only the corpus reveals: lines that recur across many articles of one
 * source (a site's standing footer, newsletter box or section label), and the audit table of
 * every line removed as furniture.
 *
 * <p>A line is recurring for a source when, compared in {@link PageFurniture#normalise} form, it
 * appears in at least {@code minArticles} of the source's original (non-duplicate) articles and
 * in at least {@code minShare} of them. Learning on originals only keeps a story republished five
 * times from teaching that its own lines are furniture.
 */
public final class Boilerplate {
  public static final String RECURRING_LINE = "recurring_line";
  static final String KEY = "line_key";

  /** Thresholds for learning recurring lines. */
  public record Options(long minArticles, double minShare) {
    public static Options defaults() {
      return new Options(5, 0.2);
    }
  }

  private Boilerplate() {}

  /**
   * The recurring lines of each source: {@code source, line_key, n_articles}, one row per line.
   * Needs {@code source, text, is_duplicate}. Small: bounded by the furniture, not the corpus.
   */
  public static Dataset<Row> perSourceRecurringLines(Dataset<Row> articles, Options options) {
    Columns.require(articles, "perSourceRecurringLines", ArticlesTable.ARTICLE_ID,
        ArticlesTable.SOURCE, ArticlesTable.TEXT, ArticlesTable.IS_DUPLICATE);
    UserDefinedFunction normalise = udf(
        (org.apache.spark.sql.api.java.UDF1<String, String>) PageFurniture::normalise,
        DataTypes.StringType);
    Dataset<Row> originals = articles.filter(not(col(ArticlesTable.IS_DUPLICATE)));
    Dataset<Row> perSource = originals.groupBy(col(ArticlesTable.SOURCE))
        .agg(count(lit(1)).as("_source_articles"));
    Dataset<Row> lines = originals
        .select(col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE),
            explode(array_distinct(
                transform(split(col(ArticlesTable.TEXT), "\n"), l -> normalise.apply(l))))
                .as(KEY))
        .filter(col(KEY).notEqual(""));
    return lines.groupBy(col(ArticlesTable.SOURCE), col(KEY))
        .agg(count(lit(1)).as(BoilerplateTable.N_ARTICLES))
        .filter(col(BoilerplateTable.N_ARTICLES).geq(options.minArticles()))
        .join(perSource, ArticlesTable.SOURCE)
        .filter(col(BoilerplateTable.N_ARTICLES)
            .geq(col("_source_articles").multiply(options.minShare())))
        .select(col(ArticlesTable.SOURCE), col(KEY), col(BoilerplateTable.N_ARTICLES));
  }

  /**
   * Removes the {@code recurring} lines (source and key, collected on the driver: a handful per
   * source) from each article's text and appends them to its {@code removed} list. Needs
   * {@code source, text, removed}; one row per article. A Java map: the set lookup per line
   * would otherwise be an explode, a join and a re-assembly of every article.
   */
  public static Dataset<Row> withoutRecurringLines(
      Dataset<Row> articles, Broadcast<Set<String>> recurring) {
    Columns.require(articles, "withoutRecurringLines", ArticlesTable.SOURCE,
        ArticlesTable.TEXT, CleanRecords.REMOVED);
    StructType schema = articles.schema();
    int sourceAt = schema.fieldIndex(ArticlesTable.SOURCE);
    int textAt = schema.fieldIndex(ArticlesTable.TEXT);
    int removedAt = schema.fieldIndex(CleanRecords.REMOVED);
    MapFunction<Row, Row> strip = row -> {
      Set<String> keys = recurring.value();
      if (keys.isEmpty()) {
        return row;
      }
      String source = row.getString(sourceAt);
      String[] lines = row.getString(textAt).split("\n", -1);
      List<Row> removed = new ArrayList<>(row.getList(removedAt));
      StringBuilder kept = new StringBuilder();
      boolean pendingBlank = false;
      for (String line : lines) {
        if (!line.isEmpty() && keys.contains(key(source, PageFurniture.normalise(line)))) {
          removed.add(RowFactory.create(RECURRING_LINE, line));
          continue;
        }
        if (line.isEmpty()) {
          pendingBlank = kept.length() > 0;
          continue;
        }
        if (kept.length() > 0) {
          kept.append(pendingBlank ? "\n\n" : "\n");
        }
        kept.append(line);
        pendingBlank = false;
      }
      Object[] values = new Object[row.length()];
      for (int i = 0; i < values.length; i++) {
        values[i] = row.get(i);
      }
      values[textAt] = kept.toString();
      values[removedAt] = JavaConverters.asScalaBuffer(removed).toSeq();
      return RowFactory.create(values);
    };
    return articles.map(strip, Encoders.row(schema));
  }

  /** The broadcast form of {@link #perSourceRecurringLines}'s rows. */
  public static Set<String> keySet(List<Row> recurringRows) {
    Set<String> keys = new HashSet<>();
    for (Row r : recurringRows) {
      keys.add(key(r.getString(r.fieldIndex(ArticlesTable.SOURCE)), r.getString(r.fieldIndex(KEY))));
    }
    return keys;
  }

  private static String key(String source, String lineKey) {
    return source + '\u0001' + lineKey;
  }

  /**
   * The {@code boilerplate} table: every removed line per source and rule, with the number of
   * articles it was removed from and of removals. Needs {@code article_id, source, removed}.
   */
  public static Dataset<Row> perSourceRemovedLines(Dataset<Row> articles) {
    Columns.require(articles, "perSourceRemovedLines", ArticlesTable.ARTICLE_ID,
        ArticlesTable.SOURCE, CleanRecords.REMOVED);
    return articles
        .select(col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE),
            explode(col(CleanRecords.REMOVED)).as("_r"))
        .groupBy(col(ArticlesTable.SOURCE).as(BoilerplateTable.SOURCE),
            col("_r." + CleanRecords.RULE).as(BoilerplateTable.RULE),
            col("_r." + CleanRecords.LINE).as(BoilerplateTable.LINE))
        .agg(countDistinct(col(ArticlesTable.ARTICLE_ID)).as(BoilerplateTable.N_ARTICLES),
            count(lit(1)).as(BoilerplateTable.N_REMOVED));
  }
}
