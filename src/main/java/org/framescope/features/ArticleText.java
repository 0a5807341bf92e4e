package org.framescope.features;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.framescope.text.TextLayer;

/**
 * What the per-article passes share: the columns they read, checked by name, and the body's
 * text layer — the default one, or the Spark NLP layer's spans when the input carries them.
 */
final class ArticleText {
  private ArticleText() {}

  /** Whether {@code df} carries the Spark NLP layer's span columns. */
  static boolean hasSpans(Dataset<Row> df) {
    List<String> have = List.of(df.columns());
    return have.contains(TermHits.SENTENCE_SPANS) && have.contains(TermHits.TOKEN_SPANS);
  }

  /**
   * {@code needed} in order, then the span columns when {@code df} has them; fails naming the
   * first needed column that is missing.
   */
  static Column[] columns(Dataset<Row> df, String function, String... needed) {
    List<String> have = List.of(df.columns());
    List<Column> cols = new ArrayList<>();
    for (String c : needed) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException(function + " needs column '" + c + "'");
      }
      cols.add(col(c));
    }
    if (hasSpans(df)) {
      cols.add(col(TermHits.SENTENCE_SPANS));
      cols.add(col(TermHits.TOKEN_SPANS));
    }
    return cols.toArray(new Column[0]);
  }

  /** The body's sentences and tokens; with spans, they follow the text at {@code textAt}. */
  static TextLayer.Analysis body(Row row, int textAt, boolean spans) {
    String text = row.getString(textAt);
    return spans
        ? TermHits.fromSpanColumns(text, row.getList(textAt + 1), row.getList(textAt + 2))
        : TextLayer.analyze(text);
  }
}
