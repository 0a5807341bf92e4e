package org.framescope.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.SparkExtension;
import org.framescope.schema.DuplicatesTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class DuplicatesTest {
  private static final StructType ARTICLES = new StructType()
      .add("article_id", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("published", DataTypes.DateType)
      .add("text", DataTypes.StringType);

  /** Forty distinct sentences, so shingles of different stories do not overlap. */
  private static String story(String topic, int sentences) {
    List<String> s = new ArrayList<>();
    for (int i = 0; i < sentences; i++) {
      s.add("On day " + i + " the " + topic + " report number " + (i * 7 + 3)
          + " described events in district " + (i * 13 % 17) + ".");
    }
    return String.join(" ", s);
  }

  private static Dataset<Row> articles(SparkSession spark, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r[0], r[1], r[2] == null ? null : Date.valueOf((String) r[2]),
          r[3]));
    }
    return spark.createDataFrame(list, ARTICLES);
  }

  private static List<Row> find(Dataset<Row> a, DedupScope scope) {
    return Duplicates.findDuplicates(a, new Duplicates.Options(scope, 0.1, 0.8))
        .orderBy(DuplicatesTable.ARTICLE_ID).collectAsList();
  }

  @Test
  void exactCopiesIgnoringCaseAndPunctuationPointAtTheEarliest(SparkSession spark) {
    String text = story("siege", 3);
    Dataset<Row> a = articles(spark,
        new Object[] {"late", "S", "2018-09-13", text.toUpperCase().replace(".", " !")},
        new Object[] {"early", "S", "2018-09-11", text},
        new Object[] {"undated", "S", null, text},
        new Object[] {"other", "S", "2018-09-11", story("ceasefire", 3)});
    List<Row> d = find(a, DedupScope.WITHIN_SOURCE);
    assertThat(d).extracting(r -> r.getString(0) + "->" + r.getString(1) + ":" + r.getString(3))
        .containsExactly("late->early:exact", "undated->early:exact");
  }

  /** The exact key is what Spark's functions give for the same folding, on awkward texts. */
  @Test
  void theExactKeyFoldsAsSparksFunctionsDo(SparkSession spark) {
    List<String> texts = List.of("  ...The REGIME, shelled it!!  ", "the regime shelled it",
        "Ünïcode ŞEHİR — 2,500 (Reuters)\n\nnext\tline", "emoji 🙂 in 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text",
        "", "...", "Ⅻ roman numerals ½ and ٣ Arabic-Indic digits");
    List<Row> rows = texts.stream().map(t -> RowFactory.create(t)).toList();
    List<String> bySpark = spark.createDataFrame(rows, new StructType().add("t",
            DataTypes.StringType))
        .selectExpr("sha2(trim(regexp_replace(lower(t), '[^\\\\p{L}\\\\p{N}]+', ' ')), 256)")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
    assertThat(texts.stream().map(Duplicates::exactKey).toList()).isEqualTo(bySpark);
    assertThat(bySpark.get(0)).isEqualTo(bySpark.get(1));
  }

  @Test
  void aTruncatedRepublicationIsANearDuplicateOfTheFullText(SparkSession spark) {
    String full = story("offensive", 40);
    String half = full.substring(0, full.length() / 2);
    Dataset<Row> a = articles(spark,
        new Object[] {"full", "S", "2018-09-11", full},
        new Object[] {"half", "S", "2018-09-12", half},
        new Object[] {"different", "S", "2018-09-12", story("summit", 40)});
    List<Row> d = find(a, DedupScope.WITHIN_SOURCE);
    assertThat(d).hasSize(1);
    Row r = d.get(0);
    assertThat(r.getString(0)).isEqualTo("half");
    assertThat(r.getString(1)).isEqualTo("full");
    assertThat(r.getString(3)).isEqualTo("near");
    assertThat(r.getDouble(4)).isBetween(0.4, 0.6);
    assertThat(r.getDouble(5)).isCloseTo(1.0, within(0.01));
  }

  @Test
  void scopeDecidesWhetherCopiesAcrossSourcesCount(SparkSession spark) {
    String wire = story("wire", 10);
    Dataset<Row> a = articles(spark,
        new Object[] {"a1", "A", "2018-09-11", wire},
        new Object[] {"b1", "B", "2018-09-12", wire},
        new Object[] {"b2", "B", "2018-09-13", wire + " Extra closing line from outlet B."});
    // b2 is b1 with one line more: each lies mostly inside the other, so the earlier is the
    // original, not the longer.
    assertThat(find(a, DedupScope.WITHIN_SOURCE)).extracting(r -> r.getString(0) + "->"
        + r.getString(1)).containsExactly("b2->b1");
    assertThat(find(a, DedupScope.GLOBAL)).extracting(r -> r.getString(0) + "->"
        + r.getString(1)).containsExactly("b1->a1", "b2->a1");
    assertThat(find(a, DedupScope.OFF)).isEmpty();
  }

  @Test
  void shortTextsAndLowContainmentAreNotNearDuplicates(SparkSession spark) {
    String base = story("talks", 20);
    String overlapping = base.substring(0, base.length() / 3) + " " + story("aid", 20);
    Dataset<Row> a = articles(spark,
        new Object[] {"x", "S", "2018-09-11", base},
        new Object[] {"y", "S", "2018-09-11", overlapping},
        new Object[] {"tiny", "S", "2018-09-11", "Four words only here"});
    assertThat(find(a, DedupScope.WITHIN_SOURCE)).isEmpty();
  }

  @Test
  void flagsJoinBackToArticles(SparkSession spark) {
    String text = story("siege", 3);
    Dataset<Row> a = articles(spark,
        new Object[] {"a", "S", "2018-09-11", text},
        new Object[] {"b", "S", "2018-09-12", text});
    Dataset<Row> d = Duplicates.findDuplicates(a, Duplicates.Options.defaults());
    List<Row> flagged = Duplicates.withDuplicateFlags(a, d).orderBy("article_id")
        .select("article_id", "is_duplicate", "duplicate_of").collectAsList();
    assertThat(flagged).extracting(Row::toString).containsExactly("[a,false,null]", "[b,true,a]");
  }
}
