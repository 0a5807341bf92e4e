package org.framescope.stories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.framescope.cli.CliRunner.run;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.SparkExtension;
import org.framescope.generate.CorpusGenerator;
import org.framescope.io.LexiconFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stories on generated corpora with planted events (every outlet reports each event of a window
 * in its own words, a day or two apart, among articles on the same topics), twice from one seed:
 * once with source 0 reporting only the violent events, once without.
 */
@ExtendWith(SparkExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlantedStoriesTest {
  static final long SEED = 11;
  static final int ARTICLES = 3000;
  static final int SOURCES = 4;
  Path biased;
  Path even;

  @BeforeAll
  void generateAndRun(@TempDir Path tmp) throws IOException {
    biased = generateAndRun(tmp.resolve("biased"), 0);
    even = generateAndRun(tmp.resolve("even"), -1);
  }

  private static Path generateAndRun(Path dir, int violentOnly) {
    StringWriter err = new StringWriter();
    assertThat(run(err, "generate", "--articles", String.valueOf(ARTICLES), "--sources",
        String.valueOf(SOURCES), "--seed", String.valueOf(SEED), "--event-rate", "1",
        "--event-coverage", "1", "--violent-only-source", String.valueOf(violentOnly),
        "--output", dir.resolve("corpus").toString())).as(err.toString()).isZero();
    assertThat(run(err, "run", "--input", dir.resolve("corpus").toString(), "--output",
        dir.resolve("out").toString())).as(err.toString()).isZero();
    return dir.resolve("out");
  }

  private static CorpusGenerator generator(int violentOnly) {
    return new CorpusGenerator(SEED, SOURCES, LexiconFiles.read(new Configuration(), "syria"),
        true, new CorpusGenerator.Events(1, 1, violentOnly));
  }

  @Test
  void plantedEventsAreRecoveredAsStories(SparkSession spark) {
    CorpusGenerator g = generator(0);
    // The planted event of every original article ingest kept, and the story found for it.
    Map<String, Long> truth = new HashMap<>();
    for (Row r : spark.read().parquet(biased.resolve("articles").toString())
        .filter("NOT is_duplicate AND published IS NOT NULL").select("article_id")
        .collectAsList()) {
      String id = r.getString(0);
      long event = g.eventOf(Long.parseLong(id.substring(id.indexOf('-') + 1)));
      if (event >= 0) {
        truth.put(id, event);
      }
    }
    Map<String, String> found = new HashMap<>();
    for (Row r : spark.read().parquet(biased.resolve("stories").toString())
        .select("article_id", "story_id").collectAsList()) {
      found.put(r.getString(0), r.getString(1));
    }
    List<String> planted = List.copyOf(truth.keySet());
    long[] truthLabels = new long[planted.size()];
    Map<String, Long> storyNumbers = new HashMap<>();
    long[] foundLabels = new long[planted.size()];
    for (int i = 0; i < planted.size(); i++) {
      truthLabels[i] = truth.get(planted.get(i));
      String story = found.get(planted.get(i));
      // An article in no story is a cluster of its own.
      foundLabels[i] = story == null ? -1 - i
          : storyNumbers.computeIfAbsent(story, k -> (long) storyNumbers.size());
    }
    assertThat(planted).hasSizeGreaterThan(300);
    double ari = Clustering.adjustedRandIndex(truthLabels, foundLabels);
    System.out.printf("stories: adjusted Rand index %.3f on %d planted articles%n", ari,
        planted.size());
    assertThat(ari).as("adjusted Rand index on %d planted articles", planted.size())
        .isGreaterThanOrEqualTo(0.9);
    // Pairwise precision over every story pair found, distractors included.
    long pairs = 0;
    long right = 0;
    Map<String, List<String>> members = new HashMap<>();
    found.forEach((a, s) -> members.computeIfAbsent(s, k -> new java.util.ArrayList<>()).add(a));
    for (List<String> m : members.values()) {
      for (int i = 0; i < m.size(); i++) {
        for (int j = i + 1; j < m.size(); j++) {
          pairs++;
          Long x = truth.get(m.get(i));
          right += x != null && x.equals(truth.get(m.get(j))) ? 1 : 0;
        }
      }
    }
    System.out.printf("stories: pairwise precision %.3f (%d of %d pairs)%n",
        (double) right / pairs, right, pairs);
    assertThat((double) right / pairs).as("pairwise precision").isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void kwicShowsAStorysOutletsSideBySide(SparkSession spark) {
    Row story = spark.read().parquet(biased.resolve("story_summary").toString())
        .orderBy(org.apache.spark.sql.functions.col("n_sources").desc(),
            org.apache.spark.sql.functions.col("story_id"))
        .first();
    String id = story.getAs("story_id");
    List<Row> members = spark.read().parquet(biased.resolve("stories").toString())
        .filter(org.apache.spark.sql.functions.col("story_id").equalTo(id)).collectAsList();
    java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
    java.io.PrintStream old = System.out;
    System.setOut(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThat(run(new StringWriter(), "kwic", "--output", biased.toString(), "--story", id))
          .isZero();
      assertThat(run(new StringWriter(), "kwic", "--output", biased.toString(), "--story",
          "no-such-story")).isZero();
    } finally {
      System.setOut(old);
    }
    List<String> lines = buf.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).contains("story " + id + ": " + story.getAs("first_published") + " to "
        + story.getAs("last_published") + ", " + members.size() + " articles from "
        + story.getAs("n_sources") + " sources", "no story no-such-story in the stories table");
    // One headline line per member, its source first, then its terms (or "no lexicon terms").
    for (Row m : members) {
      assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(m.getAs("source") + "  "
          + m.getAs("published") + "  "));
    }
    assertThat(lines).anySatisfy(l -> assertThat(l).containsPattern("\\((outlet|quoted|"
        + "headline|reported)\\)"));
  }

  @Test
  void coveringOnlyViolentEventsMovesThePlainPreferenceButNotTheWithinStoryOne(
      SparkSession spark) {
    double[] plain = new double[2];
    double[] within = new double[2];
    Path[] outs = {biased, even};
    for (int k = 0; k < 2; k++) {
      for (Row r : spark.read().parquet(outs[k].resolve("source_story_scores").toString())
          .filter("source = 'Outlet 00' AND voice = 'outlet'").collectAsList()) {
        plain[k] += r.<Double>getAs("plain_preference") / 3;
        within[k] += r.<Double>getAs("within_story_preference") / 3;
      }
    }
    System.out.printf("source 0, outlet voice, mean of 3 axes: plain %.3f -> %.3f, within-story "
        + "%.3f -> %.3f%n", plain[1], plain[0], within[1], within[0]);
    // Its calm-event articles become ordinary ones: its plain preference leans to pole a (by
    // about 0.06 here, a sixth of its articles moving 1.5 in log-odds), the within-story one
    // stays where its own words put it.
    assertThat(plain[0] - plain[1]).isGreaterThan(0.04);
    assertThat(Math.abs(within[0] - within[1])).isLessThan(0.02);
  }
}
