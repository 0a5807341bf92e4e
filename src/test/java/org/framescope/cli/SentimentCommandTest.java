package org.framescope.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.framescope.cli.IngestCommandTest.run;
import static org.framescope.cli.IngestCommandTest.table;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.Seeds;
import org.framescope.SparkExtension;
import org.framescope.schema.ActorMentionsTable;
import org.framescope.schema.ArticleSentimentTable;
import org.framescope.text.TextLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class SentimentCommandTest {
  @TempDir Path tmp;

  private static String captured(String... args) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      StringWriter err = new StringWriter();
      assertThat(run(err, args)).as(err.toString()).isZero();
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  /**
   * good: (1.9 + 0.293) x -0.74 = -1.623; '!' -0.292; sum -1.915; -1.915 / sqrt(1.915² + 15).
   * doubt: -1.5 just after "no" x -0.74 = 1.11, and "no" itself, before a lexicon word, is 0.
   */
  @Test
  void scoresTextSentenceBySentenceWithTheRulesShown() {
    String out = captured("sentiment", "--text", "It was not very good! There is no doubt.");
    assertThat(out.lines().toList()).containsExactly(
        "-0.4432  It was not very good!",
        "         good                     +1.900 -> -1.623  (booster 'very' +0.293; negated by 'not' x-0.74)",
        "         punctuation emphasis     -0.292",
        "         sum                      -1.915 -> compound -0.4432",
        "+0.2755  There is no doubt.",
        "         no                       -1.200 -> +0.000  ('no' before a sentiment word: x0)",
        "         doubt                    -1.500 -> +1.110  (after 'no' x-0.74)",
        "         sum                      +1.110 -> compound +0.2755");
  }

  @Test
  void scoresAFileOfSentences() throws IOException {
    Path f = Files.writeString(tmp.resolve("s.txt"), "Peace.\n\nThe weather.\n");
    assertThat(captured("sentiment", "--input", f.toString()).lines()
        .filter(l -> !l.startsWith(" ")).toList())
        .containsExactly("+0.5423  Peace.", "+0.0000  The weather.");
  }

  @Test
  void badInvocationsAreSetupErrors() throws IOException {
    StringWriter err = new StringWriter();
    assertThat(run(err, "sentiment")).isEqualTo(Main.SETUP_ERROR);
    assertThat(err.toString()).contains("--text").contains("--input");
    Path bad = Files.writeString(tmp.resolve("v.txt"), "good\t1.9\nbad\t-9\n");
    err = new StringWriter();
    assertThat(run(err, "sentiment", "--text", "x", "--valence-lexicon", bad.toString()))
        .isEqualTo(Main.SETUP_ERROR);
    assertThat(err.toString()).contains("v.txt line 2: valence -9.0 is outside [-4, 4]");
  }

  /**
   * On the seed corpus, the sentences about the assault on civilians score negative and a
   * sentence about a political solution scores positive. The sentences checked:
   * TRT World: "Since the beginning of September, at least 30 civilians have been killed ...";
   * Breitbart: "The Syrian regime offensive has killed 500 civilians in and around Idlib ...";
   * RFE/RL: "... killing at least 12 civilians." (Russian air strikes);
   * TRT World: "Kalin said Turkey expects all parties to make “constructive” contributions and
   * agree on a political solution on Syria." (positive).
   */
  @Test
  void theSeedCorpusShowsSensibleSigns(SparkSession spark) {
    Path out = tmp.resolve("out");
    StringWriter err = new StringWriter();
    assertThat(run(err, "run", "--input", Seeds.folder().toString(), "--output", out.toString()))
        .as(err.toString()).isZero();
    Map<String, String> texts = table(spark, out, "articles").collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("article_id"), r -> r.getAs("text")));
    Dataset<Row> mentions = table(spark, out, ActorMentionsTable.NAME)
        .filter("voice IN ('outlet', 'reported') AND sentence_index > 0");
    List<String> scored = mentions.collectAsList().stream().map(r -> {
      String text = texts.get(r.<String>getAs("article_id"));
      int[] span = TextLayer.analyze(text).sentences().get(r.<Integer>getAs("sentence_index") - 1);
      return String.format("%+.3f|%s|%s", r.<Double>getAs("compound"), r.<String>getAs("actor"),
          text.substring(span[0], span[1]));
    }).toList();
    assertThat(scored).anySatisfy(s -> assertThat(s).startsWith("-").contains("|civilians|Since "
        + "the beginning of September, at least 30 civilians have been killed"));
    assertThat(scored).anySatisfy(s -> assertThat(s).startsWith("-").contains("|civilians|The "
        + "Syrian regime offensive has killed 500 civilians"));
    assertThat(scored).anySatisfy(s -> assertThat(s).startsWith("-").contains("|russia|")
        .contains("killing at least 12 civilians."));
    assertThat(scored).anySatisfy(s -> assertThat(s).startsWith("+").contains("|turkey|Kalin said "
        + "Turkey expects all parties"));

    Dataset<Row> tone = table(spark, out, ArticleSentimentTable.NAME);
    assertThat(tone.filter("voice = 'outlet'").count()).isEqualTo(5);
    assertThat(tone.filter("mean_compound < -1 OR mean_compound > 1 OR share_negative + "
        + "share_positive > 1 OR n_sentences < 1").count()).isZero();
    // The war's coverage is dark in the outlets' own voice.
    assertThat(tone.filter("voice = 'outlet' AND mean_compound < 0").count()).isEqualTo(5);
  }
}
