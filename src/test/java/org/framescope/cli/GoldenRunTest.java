package org.framescope.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.framescope.GoldenTables;
import org.framescope.SparkExtension;
import org.framescope.schema.TermCountsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a generated corpus of 207 records (200 generated, with copies, wire
 * copy and furniture, and seven written by hand: a record without text, one without a source,
 * a date nobody can read, a line that is not JSON, HTML, an id taken twice, a text that is all
 * furniture), read from one {@code .jsonl.gz}: every table, row by row, and run.json's counts
 * are those the pipeline wrote before it became one analysis pass (the golden files). The
 * sample corpus is held to its golden files in {@link FeaturesCommandTest}.
 */
@ExtendWith(SparkExtension.class)
class GoldenRunTest {
  @Test
  void aGeneratedCorpusGivesTheTablesOfTheEarlierPipeline(SparkSession spark, @TempDir Path dir)
      throws Exception {
    Path corpus = Path.of(GoldenRunTest.class.getResource("/golden/generated/corpus.jsonl.gz")
        .toURI());
    Path out = dir.resolve("out");
    StringWriter err = new StringWriter();
    assertThat(CliRunner.run(err, "run", "--input", corpus.toString(), "--output",
        out.toString())).as(err.toString()).isZero();
    GoldenTables.assertSameAsGolden(spark, out, "golden/generated", Set.of());
    // The new table, keyness's counts: one row per term, its total the sum of its sources'
    // uses, none of them empty, and as many words in all as article_stats counts in the
    // outlets' own voice of the original articles.
    var terms = spark.read().parquet(out.resolve(TermCountsTable.NAME).toString());
    assertThat(terms.count()).isEqualTo(terms.select("term").distinct().count())
        .isGreaterThan(10_000);
    assertThat(terms.filter("uses_total <> aggregate(map_values(uses_by_source), 0L, "
        + "(a, x) -> a + x) OR exists(map_values(uses_by_source), x -> x < 1)").count()).isZero();
    long words = terms.filter("ngram = 1").agg(org.apache.spark.sql.functions.sum("uses_total"))
        .first().getLong(0);
    long own = spark.read().parquet(out.resolve("article_stats").toString())
        .filter("NOT is_duplicate").selectExpr("sum(n_tokens_headline + n_tokens_outlet)")
        .first().getLong(0);
    assertThat(words).isEqualTo(own);
  }
}
