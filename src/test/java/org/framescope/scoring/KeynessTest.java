package org.framescope.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.framescope.SparkExtension;
import org.framescope.features.AnalysisPass;
import org.framescope.features.AnalysisPassTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class KeynessTest {

  @Test
  void eachSourcesOwnWordsRankFirstAndQuotationsAndStopWordsDoNot(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      // Every article has "regime": no maximum document frequency keeps it out.
      rows.add(RowFactory.create("a" + i, "A", null, false, null, "The regime shelled the "
          + "militants. \"Militants everywhere, bombardment everywhere,\" a general said. The "
          + "regime advanced."));
      rows.add(RowFactory.create("b" + i, "B", null, false, null, "The regime talked with the "
          + "rebels near the border. The rebels waited."));
    }
    rows.add(RowFactory.create("c", "B", null, true, null, "Copy copy copy copy copy copy copy."));
    var analysis = AnalysisPassTest.analyse(spark, rows, "syria");
    var terms = AnalysisPass.perTermCounts(analysis, 2);
    var stats = AnalysisPass.perArticleStats(analysis);
    List<Row> top = Keyness.sourceKeyness(terms, stats, new ScoringOptions(10, 50, 1, 10, 3, 10, 10))
        .orderBy("source", "direction", "rank").collectAsList();
    List<String> a = top.stream().filter(r -> r.getString(0).equals("A")
        && r.getString(3).equals("over")).map(r -> r.getString(1)).toList();
    List<String> b = top.stream().filter(r -> r.getString(0).equals("B")
        && r.getString(3).equals("over")).map(r -> r.getString(1)).toList();
    assertThat(a).contains("militants", "regime shelled").doesNotContain("bombardment", "the");
    assertThat(b).contains("rebels").doesNotContain("copy");
    assertThat(top).allSatisfy(r -> assertThat(r.getString(1)).doesNotStartWith("the "));
    // "regime" is in every article of both, at a different rate: it is eligible, and A
    // (2 in 13 own words) uses it more than B (1 in 12).
    Row regime = top.stream().filter(r -> r.getString(1).equals("regime")).findFirst()
        .orElse(null);
    if (regime != null) {
      assertThat(regime.getString(0)).isEqualTo(regime.getString(3).equals("over") ? "A" : "B");
    }
    Row militants = top.stream().filter(r -> r.getString(0).equals("A")
        && r.getString(1).equals("militants")).findFirst().get();
    assertThat(militants.getLong(5)).as("own-voice count").isEqualTo(20);
    assertThat(militants.getLong(6)).isEqualTo(0);
  }
}
