package org.framescope.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.SparkExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class BoilerplateTest {
  private static final StructType ARTICLES = new StructType()
      .add("article_id", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("text", DataTypes.StringType)
      .add("is_duplicate", DataTypes.BooleanType)
      .add("removed", DataTypes.createArrayType(CleanRecords.REMOVED_LINE));

  private static final String FOOTER = "Subscribe to The Daily Idlib newsletter for more.";

  /** Source A: six stories with a standing footer (one with it in curly-quote form); B: none. */
  private static Dataset<Row> corpus(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      rows.add(RowFactory.create("a" + i, "A", "Story " + i + " about shelling in town " + i
          + ".\n\n" + (i == 5 ? FOOTER.toUpperCase() : FOOTER), false, List.of()));
    }
    // A republished story repeats its own lines: it must not teach that they are furniture.
    for (int i = 0; i < 6; i++) {
      rows.add(RowFactory.create("b" + i, "B", "The same wire story.\n\nIts second line.",
          i > 0, List.of()));
    }
    rows.add(RowFactory.create("b9", "B", FOOTER + "\n\nOther text.", false, List.of()));
    return spark.createDataFrame(rows, ARTICLES);
  }

  @Test
  void learnsLinesRecurringInManyOriginalArticlesOfOneSource(SparkSession spark) {
    List<Row> learned = Boilerplate.perSourceRecurringLines(corpus(spark),
        new Boilerplate.Options(5, 0.2)).collectAsList();
    assertThat(learned).extracting(Row::toString).containsExactly(
        "[A," + PageFurniture.normalise(FOOTER) + ",6]");
  }

  @Test
  void shareThresholdKeepsCommonLinesOfBigSourcesOut(SparkSession spark) {
    assertThat(Boilerplate.perSourceRecurringLines(corpus(spark),
        new Boilerplate.Options(5, 1.01 - 1.0 / 6)).collectAsList()).hasSize(1);
    assertThat(Boilerplate.perSourceRecurringLines(corpus(spark),
        new Boilerplate.Options(7, 0.2)).collectAsList()).isEmpty();
  }

  @Test
  void removesLearnedLinesOnlyFromTheirSourceAndAuditsThem(SparkSession spark) {
    Dataset<Row> articles = corpus(spark);
    Set<String> keys = Boilerplate.keySet(Boilerplate.perSourceRecurringLines(articles,
        new Boilerplate.Options(5, 0.2)).collectAsList());
    var bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(keys);
    Dataset<Row> cleaned = Boilerplate.withoutRecurringLines(articles, bc);
    List<Row> texts = cleaned.select("article_id", "text").orderBy("article_id").collectAsList();
    assertThat(texts.get(0).getString(1)).isEqualTo("Story 0 about shelling in town 0.");
    assertThat(texts.get(5).getString(1)).isEqualTo("Story 5 about shelling in town 5.");
    Row b9 = texts.stream().filter(r -> r.getString(0).equals("b9")).findFirst().get();
    assertThat(b9.getString(1)).isEqualTo(FOOTER + "\n\nOther text.");

    List<Row> audit = Boilerplate.perSourceRemovedLines(cleaned).orderBy("line").collectAsList();
    assertThat(audit).extracting(Row::toString).containsExactly(
        "[A,recurring_line," + FOOTER.toUpperCase() + ",1,1]",
        "[A,recurring_line," + FOOTER + ",5,5]");
  }
}
