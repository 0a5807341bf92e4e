package org.framescope.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.framescope.cli.CliRunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.SparkExtension;
import org.framescope.io.LexiconFiles;
import org.framescope.lexicon.Lexicon;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a generated corpus whose sources prefer each pole at planted rates:
 * 2,400 records, 6 sources, seed 7.
 */
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedTruthTest {
  Path corpus;
  Path out;
  JsonNode planted;
  JsonNode runJson;

  @BeforeAll
  void generateAndRun(@TempDir Path tmp) throws IOException {
    corpus = tmp.resolve("corpus");
    out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    assertThat(run(err, "generate", "--articles", "2400", "--sources", "6", "--seed", "7",
        "--output", corpus.toString())).as(err.toString()).isZero();
    assertThat(run(err, "run", "--input", corpus.toString(), "--output", out.toString()))
        .as(err.toString()).isZero();
    ObjectMapper json = new ObjectMapper();
    planted = json.readTree(corpus.resolve("_planted.json").toFile());
    runJson = json.readTree(out.resolve("run.json").toFile());
  }

  private Dataset<Row> scores(SparkSession spark) {
    return spark.read().parquet(out.resolve("source_scores").toString());
  }

  @Test
  void ingestFindsThePlantedBadRecordsAndCopies() {
    assertThat(runJson.get("records_read").asLong()).isEqualTo(2400);
    assertThat(runJson.get("records_rejected").asLong())
        .isEqualTo(planted.get("rejects_expected").asLong());
    assertThat(runJson.get("duplicates").asLong())
        .isEqualTo(planted.get("duplicates_expected").asLong());
    assertThat(runJson.get("dates_unparsed").asLong())
        .isEqualTo(planted.get("records").get("bad_date").asLong());
    assertThat(runJson.get("lines_removed_by_rule").get("recurring_line").asLong())
        .isGreaterThan(1000);
  }

  /**
   * Ranking: for each axis, the sources sorted by their outlet-voice preference are in the
   * order of their expected shares of pole a (six sources' own rates spread from 0.1 to 0.9, mixed
   * with the wire copy each carries). Coverage: the expected preference (2q - 1) lies inside the
   * 95% interval in at least 16 of the 18 source-axis rows (17.1 expected at the nominal level;
   * 16 allows one miss more than that by chance).
   */
  @Test
  void scoresRankTheSourcesInThePlantedOrderAndIntervalsCoverThePlantedRates(SparkSession spark) {
    List<Row> rows = scores(spark)
        .filter("kind = 'axis' AND voice = 'outlet' AND period = 'all'").collectAsList();
    assertThat(rows).hasSize(18);
    int covered = 0;
    for (String axis : List.of("syrian_state", "armed_opposition", "military_action")) {
      JsonNode shares = planted.get("axes").get(axis).get("expected_outlet_share_a");
      List<Row> axisRows = rows.stream().filter(r -> r.getAs("name").equals(axis))
          .sorted(Comparator.comparingDouble(r -> r.<Double>getAs("preference"))).toList();
      List<String> byScore = axisRows.stream().map(r -> r.<String>getAs("source")).toList();
      List<String> byPlanted = new ArrayList<>();
      shares.fieldNames().forEachRemaining(byPlanted::add);
      byPlanted.sort(Comparator.comparingDouble(s -> shares.get(s).asDouble()));
      assertThat(byScore).as(axis).isEqualTo(byPlanted);
      for (Row r : axisRows) {
        double truth = 2 * shares.get(r.<String>getAs("source")).asDouble() - 1;
        if (truth >= r.<Double>getAs("preference_low") && truth <= r.<Double>getAs("preference_high")) {
          covered++;
        }
        assertThat(r.<Boolean>getAs("is_reliable")).isTrue();
        assertThat(r.getList(r.fieldIndex("evidence"))).hasSize(ScoringOptions.EVIDENCE);
      }
    }
    assertThat(covered).isGreaterThanOrEqualTo(16);
  }

  @Test
  void quotationsCarryTheOfficialsRateNotTheOutlets(SparkSession spark) {
    // Officials are planted to pick pole a half the time, whatever the outlet.
    List<Row> quoted = scores(spark)
        .filter("kind = 'axis' AND voice = 'quoted' AND period = 'all'").collectAsList();
    assertThat(quoted).hasSize(18).allSatisfy(r ->
        assertThat(r.<Double>getAs("preference")).isBetween(-0.3, 0.3));
  }

  @Test
  void framesAreMeasuredBySalience(SparkSession spark) {
    JsonNode rates = planted.get("frames").get("humanitarian").get("sentence_rate");
    List<Row> rows = scores(spark)
        .filter("name = 'humanitarian' AND voice = 'outlet' AND period = 'all'")
        .orderBy("salience_per_10k").collectAsList();
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.<Object>getAs("preference")).isNull();
      assertThat(r.<Object>getAs("count_b")).isNull();
    });
    String least = rows.get(0).getAs("source");
    String most = rows.get(rows.size() - 1).getAs("source");
    List<String> byRate = new ArrayList<>();
    rates.fieldNames().forEachRemaining(byRate::add);
    byRate.sort(Comparator.comparingDouble(s -> rates.get(s).asDouble()));
    assertThat(least).isEqualTo(byRate.get(0));
    assertThat(most).isEqualTo(byRate.get(byRate.size() - 1));
  }

  /** Each month's counts add up to the whole period's, but for articles without a date. */
  @Test
  void monthlyPeriodsAddUpToTheWhole(SparkSession spark) {
    Map<String, Long> whole = scores(spark)
        .filter("voice = 'all' AND period = 'all'").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("source") + "/" + r.getAs("name"),
            r -> r.<Long>getAs("count_a")));
    Map<String, Long> months = scores(spark)
        .filter("voice = 'all' AND period <> 'all'")
        .groupBy("source", "name").sum("count_a").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0) + "/" + r.getString(1), r -> r.getLong(2)));
    Dataset<Row> undated = spark.read().parquet(out.resolve("term_hits").toString())
        .join(spark.read().parquet(out.resolve("article_stats").toString())
            .filter("NOT is_duplicate AND published IS NULL").select("article_id"), "article_id")
        .join(spark.read().parquet(out.resolve("source_scores").toString())
            .select("name", "pole_a").distinct(), "name")
        .filter("pole = pole_a");
    assertThat(undated.count()).isPositive();
    for (Row r : undated.groupBy("source", "name").count().collectAsList()) {
      String key = r.getString(0) + "/" + r.getString(1);
      months.merge(key, r.getLong(2), Long::sum);
    }
    assertThat(months).isEqualTo(whole);
    assertThat(scores(spark).filter("period <> 'all'").select("period").distinct().count())
        .isEqualTo(12);
  }

  /** Same scores, bit for bit, with 1 and with 8 shuffle partitions; a new seed moves them. */
  @Test
  void scoresDoNotDependOnPartitioningAndTheBootstrapIsSeeded(SparkSession spark) {
    Lexicon lexicon = LexiconFiles.read(new Configuration(), "syria");
    Dataset<Row> stats = spark.read().parquet(out.resolve("article_stats").toString());
    Dataset<Row> hits = spark.read().parquet(out.resolve("term_hits").toString());
    Dataset<Row> mentions = spark.read().parquet(out.resolve("actor_mentions").toString());
    ScoringOptions options = ScoringOptions.defaults();
    List<String> actors = lexicon.actors().stream().map(Lexicon.Named::name).toList();
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    try {
      spark.conf().set("spark.sql.shuffle.partitions", "1");
      List<Row> one = SourceScores.sourceScores(stats, hits, SourceScores.Layout.of(lexicon),
          options).orderBy("source", "name", "voice", "period").collectAsList();
      List<Row> actorsOne = ActorScores.actorScores(stats, mentions, actors, options)
          .orderBy("source", "actor", "voice", "period").collectAsList();
      spark.conf().set("spark.sql.shuffle.partitions", "8");
      List<Row> eight = SourceScores.sourceScores(stats.repartition(5), hits.repartition(7),
          SourceScores.Layout.of(lexicon), options)
          .orderBy("source", "name", "voice", "period").collectAsList();
      List<Row> actorsEight = ActorScores.actorScores(stats.repartition(3), mentions.repartition(6),
          actors, options).orderBy("source", "actor", "voice", "period").collectAsList();
      assertThat(eight).isEqualTo(one);
      assertThat(actorsEight).isEqualTo(actorsOne);
      assertThat(one).isEqualTo(scores(spark).orderBy("source", "name", "voice", "period")
          .collectAsList());

      ScoringOptions reseeded = new ScoringOptions(10, 200, 99, 10, 3, 1000, 50);
      List<Row> other = SourceScores.sourceScores(stats, hits, SourceScores.Layout.of(lexicon),
          reseeded).orderBy("source", "name", "voice", "period").collectAsList();
      assertThat(other).isNotEqualTo(one);
      assertThat(other.get(0).<Double>getAs("preference"))
          .isEqualTo(one.get(0).<Double>getAs("preference"));
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", before);
    }
  }
}
