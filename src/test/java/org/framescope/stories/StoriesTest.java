package org.framescope.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
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
class StoriesTest {
  private static final Stories.Options OPTIONS = Stories.Options.defaults();

  /** A unit vector over features 0-9 from the given weights. */
  private static Vector unit(double... w) {
    double norm = Math.sqrt(Arrays.stream(w).map(x -> x * x).sum());
    return Vectors.dense(Arrays.stream(w).map(x -> x / norm).toArray()).toSparse();
  }

  private static Stories.Member member(String id, String source, int day, Vector v) {
    return new Stories.Member(id, source, Date.valueOf(LocalDate.ofEpochDay(day)), day, v);
  }

  @Test
  void aStarIsCheckedAsAWhole() {
    Vector event = unit(1, 1, 1, 0, 0);
    List<Stories.Member> star = List.of(
        member("c", "A", 100, event),
        member("m1", "B", 101, unit(1, 0.5, 0.2, 0.3, 0)),
        member("copy", "C", 102, event),
        member("late", "D", 105, event),
        member("off", "E", 99, unit(0.3, 0, 0, 1, 1)));
    Map<String, Row> rows = new TreeMap<>();
    for (Row r : Stories.checkStory("c", star, OPTIONS)) {
      rows.put(r.getString(1), r);
    }
    // "late" is outside the 3-day window that holds the most members; "off" is far from the
    // story (its cosine with the other members' sum is below 0.3); "copy" carries c's text.
    assertThat(rows.keySet()).containsExactly("c", "copy", "m1");
    assertThat(rows.get("copy").getString(5)).isEqualTo("c");
    assertThat(rows.get("m1").isNullAt(5)).isTrue();
    assertThat(rows.values()).allSatisfy(r -> {
      assertThat(r.getString(0)).isEqualTo("c");
      assertThat(r.getDouble(4)).isBetween(0.8, 1.0);
    });
  }

  @Test
  void aStoryNeedsTwoSourcesWithTextsOfTheirOwn() {
    Vector v = unit(1, 1, 0, 0);
    assertThat(Stories.checkStory("a", List.of(member("a", "A", 10, v),
        member("b", "A", 11, unit(1, 0.9, 0, 0))), OPTIONS)).isEmpty();
    // Two sources, but one carries the other's text word for word: one text, no story.
    assertThat(Stories.checkStory("a", List.of(member("a", "A", 10, v),
        member("b", "B", 11, v)), OPTIONS)).isEmpty();
    assertThat(Stories.checkStory("a", List.of(member("a", "A", 10, v),
        member("b", "B", 11, unit(1, 0.5, 0.5, 0))), OPTIONS)).hasSize(2);
  }

  @Test
  void starsDoNotChain(SparkSession spark) {
    // A chain a-b-c-d-e-f-g, each similar to the next only, and a triangle x, y, z.
    List<Row> edges = new ArrayList<>();
    String[] chain = {"a", "b", "c", "d", "e", "f", "g"};
    for (int i = 0; i + 1 < chain.length; i++) {
      edges.add(RowFactory.create(chain[i], chain[i + 1], 0.5 + 0.01 * i));
    }
    edges.add(RowFactory.create("x", "y", 0.8));
    edges.add(RowFactory.create("x", "z", 0.7));
    edges.add(RowFactory.create("y", "z", 0.6));
    StructType schema = new StructType().add("_a", DataTypes.StringType)
        .add("_b", DataTypes.StringType).add("_sim", DataTypes.DoubleType);
    Map<String, List<String>> stars = new HashMap<>();
    for (Row r : Stories.stars(spark.createDataFrame(edges, schema)).collectAsList()) {
      stars.computeIfAbsent(r.getString(1), k -> new ArrayList<>()).add(r.getString(0));
    }
    // Every member is a neighbour of its centre: no star spans more than three of the chain.
    assertThat(stars.values()).allSatisfy(m -> assertThat(m.size()).isLessThanOrEqualTo(3));
    assertThat(stars.values().stream().flatMap(List::stream)).doesNotHaveDuplicates();
    assertThat(stars.values()).anySatisfy(m -> assertThat(m).containsExactlyInAnyOrder("x",
        "y", "z"));
  }

  private static final StructType ARTICLES = new StructType()
      .add("article_id", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("published", DataTypes.DateType)
      .add("is_duplicate", DataTypes.BooleanType)
      .add("terms", DataTypes.createArrayType(DataTypes.StringType));

  private static Row article(String id, String source, String date, String terms) {
    return RowFactory.create(id, source, Date.valueOf(date), false,
        Arrays.asList(terms.split(" ")));
  }

  @Test
  void findsTheEventsReportedByDifferentOutletsAndNothingElse(SparkSession spark) {
    List<Row> rows = List.of(
        // An attack in Duma, three outlets in their own words over three days.
        article("d1", "A", "2018-04-07", "duma attack chlorine douma hospital victims assad "
            + "regime helicopters barrels"),
        article("d2", "B", "2018-04-08", "duma chlorine attack hospital douma victims "
            + "government denies inspectors"),
        article("d3", "C", "2018-04-09", "douma chlorine inspectors duma hospital attack "
            + "victims rebels"),
        // The same words two weeks later: not the same event. Sharing one rare word is no story.
        article("d4", "D", "2018-04-23", "duma chlorine attack hospital douma victims"),
        // Talks in Geneva, two outlets; and a third on another topic.
        article("g1", "A", "2018-04-08", "geneva talks envoy mistura ceasefire aid convoy"),
        article("g2", "C", "2018-04-09", "geneva mistura talks delegation constitution "
            + "opposition"),
        article("h1", "D", "2018-06-01", "ceasefire aid convoy delegation constitution "
            + "opposition"),
        article("x1", "B", "2018-04-08", "football league derby goal striker"),
        article("x2", "D", "2018-04-09", "football coach transfer window signing"),
        article("x3", "A", "2018-05-09", "coach signing window"));
    Dataset<Row> candidates = Stories.filterCandidates(spark.createDataFrame(rows, ARTICLES),
        "terms");
    Dataset<Row> vectors = Stories.withVectors(candidates, Stories.fitVectors(candidates))
        .cache();
    Map<String, List<String>> stories = new TreeMap<>();
    for (Row r : Stories.findStories(vectors, OPTIONS, (name, df) -> df.localCheckpoint()).stories()
        .collectAsList()) {
      stories.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r.getString(1));
    }
    stories.values().forEach(m -> m.sort(null));
    assertThat(stories.values()).containsExactlyInAnyOrder(List.of("d1", "d2", "d3"),
        List.of("g1", "g2"));
  }

  @Test
  void optionsAreChecked() {
    assertThatThrownBy(() -> new Stories.Options(-1, 0.3)).hasMessageContaining("--story-window");
    assertThatThrownBy(() -> new Stories.Options(3, 1.5))
        .hasMessageContaining("--story-min-similarity");
  }
}
