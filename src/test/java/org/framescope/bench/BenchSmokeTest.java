package org.framescope.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.framescope.SparkExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The benchmark at a tiny size: it runs, its three counts agree, and it writes its results. */
@ExtendWith(SparkExtension.class)
class BenchSmokeTest {
  @Test
  void runsAtATinySizeAndTheThreeCountsAgree(SparkSession spark, @TempDir Path dir)
      throws Exception {
    int code = new CommandLine(new Bench()).execute("--articles", "400", "--sources", "4",
        "--nlp-sample", "40", "--output", dir.toString());
    assertThat(code).isZero();
    JsonNode r = new ObjectMapper().readTree(dir.resolve("bench-results.json").toFile());
    assertThat(r.get("counts_agree").asBoolean()).isTrue();
    for (String key : new String[] {"articles", "input_bytes", "stage_seconds",
        "end_to_end_seconds", "features_articles_per_s", "duckdb_articles_per_s",
        "limit_articles_per_s", "sparknlp_articles_per_s", "peak_driver_heap_mb"}) {
      assertThat(r.has(key)).as(key).isTrue();
    }
    assertThat(r.get("articles").asLong()).isBetween(390L, 400L);
    assertThat(r.get("stage_seconds").get("analyse").asDouble()).isPositive();
    // 400 records from 4 sources: each copy's original is in the corpus and found
    assertThat(r.get("duplicates_found").asLong())
        .isEqualTo(r.get("duplicates_planted").asLong()).isPositive();
    // sampled while the run ran: something in use, and never more than the JVM may hold
    assertThat(r.get("peak_driver_heap_mb").asLong()).isPositive()
        .isLessThanOrEqualTo(r.get("max_heap_mb").asLong());
    assertThat(r.get("peak_driver_heap_after_gc_mb").asLong())
        .isBetween(0L, r.get("max_heap_mb").asLong());
  }

  @Test
  void theReferenceRegexMatchesWhatTheMatcherMatches() {
    var lexicon = org.framescope.io.LexiconFiles.read(new org.apache.hadoop.conf.Configuration(),
        "syria");
    for (var e : ReferenceCounts.ordered(lexicon)) {
      String text = "x " + e.text().toLowerCase(java.util.Locale.ROOT).replace("*", "s") + " y";
      assertThat(java.util.regex.Pattern.compile(ReferenceCounts.regex(e)).matcher(text).find())
          .as(e.text()).isTrue();
    }
  }
}
