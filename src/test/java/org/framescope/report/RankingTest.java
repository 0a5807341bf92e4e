package org.framescope.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
  record Row(String source, double value, boolean reliable) {}

  static Ranking<Row> rank(List<Row> rows, ReportOptions options) {
    return Ranking.of(rows, Row::reliable, Row::value, Row::source, options);
  }

  static final List<Row> ROWS = List.of(new Row("a", 0.9, true), new Row("b", -0.8, true),
      new Row("c", 0.1, false), new Row("d", 0.5, true), new Row("e", -0.2, true),
      new Row("f", 0.0, true), new Row("g", 0.95, false));

  @Test
  void aListThatFitsIsShownWholeReliableRowsFirst() {
    Ranking<Row> r = rank(ROWS, new ReportOptions(4, false));
    assertThat(r.shown()).extracting(Row::source).containsExactly("a", "d", "f", "e", "b", "g",
        "c");
    assertThat(r.leftOut("source")).isEmpty();
  }

  @Test
  void aLongListShowsTheStrongestReliableRowsAtEachEndAndSaysWhatItLeftOut() {
    Ranking<Row> r = rank(ROWS, new ReportOptions(2, false));
    assertThat(r.high()).extracting(Row::source).containsExactly("a", "d");
    assertThat(r.low()).extracting(Row::source).containsExactly("e", "b");
    assertThat(r.between()).isEqualTo(1);
    assertThat(r.thinLeftOut()).isEqualTo(2);
    assertThat(r.leftOut("source")).isEqualTo("Not shown: 1 source with a reliable score "
        + "between the strongest 2 at each end; 2 sources with too few hits to read "
        + "(--all-sources shows every source).");
  }

  @Test
  void fewReliableRowsAreShownWholeAndTheThinOnesCounted() {
    Ranking<Row> r = rank(ROWS, new ReportOptions(3, false));
    assertThat(r.shown()).extracting(Row::source).containsExactly("a", "d", "f", "e", "b");
    assertThat(r.low()).isEmpty();
    assertThat(r.thinLeftOut()).isEqualTo(2);
  }

  @Test
  void allSourcesShowsEveryRow() {
    Ranking<Row> r = rank(ROWS, new ReportOptions(1, true));
    assertThat(r.shown()).hasSize(ROWS.size());
    assertThat(r.leftOut("source")).isEmpty();
  }

  @Test
  void tiesAreOrderedByName() {
    Ranking<Row> r = rank(List.of(new Row("z", 0.5, true), new Row("m", 0.5, true)),
        ReportOptions.DEFAULT);
    assertThat(r.shown()).extracting(Row::source).containsExactly("m", "z");
  }

  @Test
  void topMustBePositive() {
    assertThatThrownBy(() -> new ReportOptions(0, false))
        .hasMessage("--top must be at least 1 (was 0)");
  }
}
