package org.framescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.framescope.cli.IngestCommandTest.run;
import static org.framescope.cli.IngestCommandTest.runJson;
import static org.framescope.cli.IngestCommandTest.table;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.GoldenTables;
import org.framescope.Seeds;
import org.framescope.SparkExtension;
import org.framescope.schema.ArticleStatsTable;
import org.framescope.schema.SourceKeynessTable;
import org.framescope.schema.TermHitsTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The features stage end to end on the seed corpus, with both text layers. */
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeaturesCommandTest {
  Path tmp;
  Path out;
  Path outNlp;

  @BeforeAll
  void runBothLayers(@TempDir Path dir) {
    tmp = dir;
    out = tmp.resolve("out");
    outNlp = tmp.resolve("out-nlp");
    StringWriter err = new StringWriter();
    assertThat(run(err, "run", "--input", Seeds.folder().toString(), "--output", out.toString()))
        .as(err.toString()).isZero();
    assertThat(run(err, "run", "--input", Seeds.folder().toString(), "--output",
        outNlp.toString(), "--nlp", "spark-nlp")).as(err.toString()).isZero();
  }

  private Dataset<Row> hits(SparkSession spark, Path dir) {
    return table(spark, dir, TermHitsTable.NAME)
        .join(table(spark, dir, "articles").select("article_id", "input_file"), "article_id");
  }

  private long count(SparkSession spark, String where) {
    return hits(spark, out).filter(where).count();
  }

  @Test
  void voicesOnTheSeedCorpus(SparkSession spark) {
    // RFE/RL uses "terrorist(s)" only inside quotations of officials.
    assertThat(count(spark, "source = 'RFE/RL' AND entry = 'terrorist*' AND voice = 'outlet'"))
        .isZero();
    assertThat(count(spark, "source = 'RFE/RL' AND entry = 'terrorist*' AND voice = 'quoted'"))
        .isEqualTo(2);
    // Breitbart calls Assad a dictator in its own voice.
    assertThat(count(spark, "source = 'Breitbart' AND entry = 'dictator Assad' AND voice = 'outlet'"))
        .isEqualTo(1);
    // South Front's headline calls the opposition terrorists.
    assertThat(count(spark, "source = 'South Front' AND voice = 'headline' AND matched = 'Terrorists'"))
        .isEqualTo(1);
    // RFE/RL's headline quotes the UN's 'Bloodbath'.
    assertThat(count(spark, "source = 'RFE/RL' AND sentence_index = 0 AND matched = 'Bloodbath' "
        + "AND voice = 'quoted'")).isEqualTo(1);
    // Breitbart's block quotation of the Turkish presidency is not the outlet's voice.
    assertThat(count(spark, "source = 'Breitbart' AND matched = 'regime’s' AND voice = 'quoted'"))
        .isEqualTo(1);
  }

  @Test
  void everyHitPointsAtItsTextAndStatsCoverEveryArticle(SparkSession spark) {
    List<Row> bad = table(spark, out, TermHitsTable.NAME)
        .join(table(spark, out, "articles").select("article_id", "title", "text"), "article_id")
        .filter("substring(CASE WHEN sentence_index = 0 THEN title ELSE text END, "
            + "char_start + 1, char_end - char_start) <> matched")
        .collectAsList();
    assertThat(bad).isEmpty();
    Dataset<Row> stats = table(spark, out, ArticleStatsTable.NAME);
    assertThat(stats.count()).isEqualTo(5);
    assertThat(stats.filter("is_duplicate").count()).isEqualTo(1);
    assertThat(stats.filter("n_sentences > 10 AND n_tokens_outlet > 300 AND n_tokens_quoted > 50")
        .count()).isEqualTo(5);
  }

  /**
   * Both layers find the same hits, compared by article, entry, voice and start offset. Left
   * out of the comparison: sentence numbers (the two splitters differ on abbreviations, which
   * moves the numbering, not the hits) and end offsets (Spark NLP's tokenizer cuts the apostrophe
   * off a plural possessive, "Damascus'", so the match ends one character earlier). Tolerance:
   * at most 2% of hits may differ, for a phrase that one layer's splitter cuts in two; on the
   * seed corpus none do.
   */
  @Test
  void theSparkNlpLayerFindsTheSameHits(SparkSession spark) throws IOException {
    String key = "concat_ws('|', article_id, entry, voice, char_start)";
    Set<String> a = new HashSet<>(table(spark, out, TermHitsTable.NAME).selectExpr(key)
        .as(Encoders.STRING()).collectAsList());
    Set<String> b = new HashSet<>(table(spark, outNlp, TermHitsTable.NAME).selectExpr(key)
        .as(Encoders.STRING()).collectAsList());
    Set<String> onlyA = new HashSet<>(a);
    onlyA.removeAll(b);
    Set<String> onlyB = new HashSet<>(b);
    onlyB.removeAll(a);
    assertThat(a).hasSizeGreaterThan(100);
    assertThat(onlyA.size() + onlyB.size()).as("hits in one layer only: %s %s", onlyA, onlyB)
        .isLessThanOrEqualTo(a.size() / 50);
    JsonNode m = runJson(outNlp);
    assertThat(m.get("text_layer").asText()).isEqualTo("spark-nlp");
  }

  /**
   * Both layers give the tables the pipeline gave before it became one pass (the golden files),
   * but keyness under the Spark NLP layer, which the earlier pipeline computed from the default
   * layer's sentences whatever the option said: the same terms with the same counts rank, and
   * their z-scores move a little, as the pairs' totals follow Spark NLP's sentences.
   */
  @Test
  void bothLayersGiveTheTablesOfTheEarlierPipeline(SparkSession spark) throws IOException {
    GoldenTables.assertSameAsGolden(spark, out, "golden/sample", Set.of());
    GoldenTables.assertSameAsGolden(spark, outNlp, "golden/sample-nlp",
        Set.of(SourceKeynessTable.NAME));
    String counts = "concat_ws('|', source, term, direction, count_source, count_rest)";
    Dataset<Row> before = spark.read().json(spark.createDataset(GoldenTables.golden(
        "golden/sample-nlp/" + SourceKeynessTable.NAME + ".jsonl.gz"), Encoders.STRING()));
    Dataset<Row> now = table(spark, outNlp, SourceKeynessTable.NAME);
    assertThat(now.selectExpr(counts).as(Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrderElementsOf(before.selectExpr(counts).as(Encoders.STRING())
            .collectAsList());
    assertThat(now.except(table(spark, out, SourceKeynessTable.NAME)).count()).isPositive();
  }

  @Test
  void runJsonRecordsTheLexicon(SparkSession spark) throws IOException {
    JsonNode m = runJson(out);
    assertThat(m.get("lexicon").get("name").asText()).isEqualTo("syria");
    assertThat(m.get("lexicon").get("sha256").asText()).hasSize(64);
    assertThat(m.get("term_hits").asLong())
        .isEqualTo(table(spark, out, TermHitsTable.NAME).count());
    assertThat(m.get("tables").toString()).contains("term_hits", "article_stats", "articles");
  }

  @Test
  void featuresAloneOnAnEarlierOutputWithAnotherLexicon(SparkSession spark) throws IOException {
    Path copy = tmp.resolve("again");
    StringWriter err = new StringWriter();
    assertThat(run(err, "ingest", "--input", Seeds.folder().toString(), "--output",
        copy.toString())).as(err.toString()).isZero();
    assertThat(Files.exists(copy.resolve(TermHitsTable.NAME))).isFalse();
    Path lexicon = Files.writeString(tmp.resolve("mine.yaml"),
        "name: mine\nframes:\n  ceasefire: [ceasefire, cease-fire, truce]\n");
    assertThat(run(err, "features", "--output", copy.toString(), "--lexicon", lexicon.toString()))
        .as(err.toString()).isZero();
    JsonNode m = runJson(copy);
    assertThat(m.get("records_read").asLong()).isEqualTo(5);
    assertThat(m.get("lexicon").get("name").asText()).isEqualTo("mine");
    assertThat(table(spark, copy, TermHitsTable.NAME).select("name").distinct()
        .as(Encoders.STRING()).collectAsList()).containsExactly("ceasefire");
    assertThat(run(err, "score", "--output", copy.toString())).as(err.toString()).isZero();
    assertThat(Files.exists(copy.resolve("source_scores"))).isTrue();
    // Features anew make the old scores stale, and a new ingest the old features: they go.
    assertThat(run(err, "features", "--output", copy.toString(), "--lexicon", lexicon.toString()))
        .isZero();
    assertThat(Files.exists(copy.resolve("source_scores"))).isFalse();
    assertThat(run(err, "ingest", "--input", Seeds.folder().toString(), "--output",
        copy.toString())).isZero();
    assertThat(Files.exists(copy.resolve(TermHitsTable.NAME))).isFalse();
    assertThat(runJson(copy).get("tables").toString()).doesNotContain("term_hits", "scores");
  }

  @Test
  void seedScoresTrtWorldLeansToRegimeMoreThanRferlAndTheCopyAddsNothing(SparkSession spark) {
    Dataset<Row> scores = table(spark, out, "source_scores")
        .filter("name = 'syrian_state' AND period = 'all'");
    double trt = scores.filter("source = 'TRT World' AND voice = 'outlet'").first()
        .getAs("preference");
    double rferl = scores.filter("source = 'RFE/RL' AND voice = 'outlet'").first()
        .getAs("preference");
    assertThat(trt).isGreaterThan(rferl);

    Row all = scores.filter("source = 'TRT World' AND voice = 'all'").first();
    assertThat(all.<Long>getAs("n_articles")).isEqualTo(1);
    Dataset<Row> originalHits = hits(spark, out)
        .filter("name = 'syrian_state' AND input_file LIKE '%000_d1e834c509b7f8b6.txt'");
    assertThat(all.<Long>getAs("count_a")).isEqualTo(originalHits.filter("pole = 'regime'").count());
    assertThat(all.<Long>getAs("count_b"))
        .isEqualTo(originalHits.filter("pole = 'government'").count());
    assertThat(hits(spark, out).filter("name = 'syrian_state' "
        + "AND input_file LIKE '%001_6eba8f5bcb2b695f.txt'").count()).isPositive();
  }

  @Test
  void scoreAloneOnAnEarlierOutputAndOnlyWithItsLexicon(SparkSession spark) throws IOException {
    StringWriter err = new StringWriter();
    assertThat(run(err, "score", "--output", out.toString(), "--bootstrap", "50", "--seed", "3"))
        .as(err.toString()).isZero();
    JsonNode m = runJson(out);
    assertThat(m.get("options").get("score").get("replicates").asInt()).isEqualTo(50);
    assertThat(m.get("command").asText()).isEqualTo("score");
    assertThat(table(spark, out, "source_keyness").filter("source = 'Breitbart'").count())
        .isPositive();
    err = new StringWriter();
    assertThat(run(err, "score", "--output", out.toString(), "--lexicon", "immigration"))
        .isEqualTo(Main.SETUP_ERROR);
    assertThat(err.toString()).contains("is not the one the term hits");
  }

  @Test
  void featuresWithoutAnEarlierOutputIsASetupError() {
    StringWriter err = new StringWriter();
    assertThat(run(err, "features", "--output", tmp.resolve("none").toString()))
        .isEqualTo(Main.SETUP_ERROR);
    assertThat(err.toString()).contains("run 'ingest' (or 'run') first");
    err = new StringWriter();
    assertThat(run(err, "score", "--output", tmp.resolve("none").toString()))
        .isEqualTo(Main.SETUP_ERROR);
    assertThat(err.toString()).contains("run 'features' (or 'run') first");
  }

  @Test
  void aBadLexiconStopsTheJobBeforeAnythingIsWritten() throws IOException {
    Path lexicon = Files.writeString(tmp.resolve("bad.yaml"),
        "name: bad\naxes:\n  state:\n    poles:\n      regime: [regime]\n");
    Path target = tmp.resolve("never");
    StringWriter err = new StringWriter();
    assertThat(run(err, "run", "--input", Seeds.folder().toString(), "--output",
        target.toString(), "--lexicon", lexicon.toString())).isEqualTo(Main.SETUP_ERROR);
    assertThat(err.toString()).contains("bad.yaml line 5: axis state must have exactly two poles");
    assertThat(Files.exists(target)).isFalse();
  }

  @Test
  void kwicPrintsTheEvidenceAligned() {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(run(new StringWriter(), "kwic", "--output", out.toString(), "--entry",
          "dictator Assad", "--window", "4")).isZero();
      assertThat(run(new StringWriter(), "kwic", "--output", out.toString(), "--entry",
          "terrorist*", "--source", "RFE/RL", "--voice", "outlet")).isZero();
    } finally {
      System.setOut(old);
    }
    List<String> lines = buf.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith("Breitbart") || l.startsWith("no hits")).toList();
    assertThat(lines).containsExactly(
        "Breitbart  2019-08-23  the forces loyal to [dictator Assad] and the alliance between  (outlet)",
        "no hits for terrorist* in RFE/RL in the outlet voice");
  }
}
