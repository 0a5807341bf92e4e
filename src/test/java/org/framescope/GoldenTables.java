package org.framescope;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.sha2;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Every output table of a run, as sorted JSON lines, held against the same tables written by an
 * earlier version of framescope ("golden" files under {@code src/test/resources/golden/}). A
 * table compares row by row and value by value; long texts ({@code articles.text}, {@code
 * rejects.record}) compare by their SHA-256 and input files by their name, so the files stay
 * small and do not name the machine they were made on.
 *
 * <p>The golden files in {@code golden/} were written by framescope 0.1.0 as it stood before
 * the one-pass analysis (commit 74a0ec4), with
 * {@code java -cp <test classpath> org.framescope.GoldenTables OUTPUT_DIR GOLDEN_DIR}
 * on its outputs of the sample corpus (default and Spark NLP text layers) and of
 * {@code golden/generated/corpus.jsonl.gz}. Rewrite them this way only when a change of results
 * is intended, and say so in the commit.
 */
public final class GoldenTables {
  /** The tables of the earlier version, and their columns in order. */
  public static final Map<String, List<String>> TABLES = new TreeMap<>();

  static {
    for (String t : List.of("articles", "rejects", "duplicates", "boilerplate", "term_hits",
        "article_stats", "article_sentiment", "actor_mentions", "source_scores", "actor_scores",
        "source_keyness")) {
      StructType schema = ReadmeTest.TABLES.get(t);
      List<String> names = new ArrayList<>();
      for (StructField f : schema.fields()) {
        names.add(f.name());
      }
      TABLES.put(t, names);
    }
  }

  /** run.json's counts: what a change of the pipeline's shape must not move. */
  static final List<String> RUN_JSON_KEYS = List.of("records_read", "records_rejected",
      "rejected_by_reason", "articles_accepted", "duplicates", "duplicates_by_kind",
      "original_articles", "dates_unparsed", "published_missing", "ids_made_unique",
      "texts_repaired", "lines_removed_by_rule", "recurring_lines_learned",
      "articles_per_source", "near_duplicate_pairs_checked", "articles_analysed", "sentences",
      "tokens_by_voice", "term_hits", "term_hits_by_voice", "sentence_parts_scored",
      "actor_mentions", "source_scores_rows", "text_layer");

  private GoldenTables() {}

  /** Writes the golden files of the output {@code args[0]} into {@code args[1]}. */
  public static void main(String[] args) throws IOException {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("golden")
        .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1").getOrCreate();
    Path out = Path.of(args[0]);
    Path golden = Path.of(args[1]);
    Files.createDirectories(golden);
    for (String table : TABLES.keySet()) {
      write(golden.resolve(table + ".jsonl.gz"), rows(spark, out, table));
    }
    Files.writeString(golden.resolve("run.json"), runJson(out).toPrettyString() + "\n");
    spark.stop();
  }

  /**
   * Holds every table of {@code out} (but those in {@code except}) and run.json's counts to the
   * golden files in {@code golden} (a classpath folder such as {@code golden/sample}), as far as
   * reported speech leaves them alone.
   *
   * <p>The golden files know three voices; the fourth, {@code reported}, takes its words out of
   * the outlet's. So: a reported hit compares as an outlet hit; an article's outlet words are
   * its outlet and reported words; run.json's counts by voice add reported to outlet. What
   * reported speech changes by intent is compared where it must not move: the sentence parts and
   * actor mentions of headlines and quotations (a part is cut where the voice changes, and a
   * quotation's parts stay as they were), the source scores of the {@code quoted} and {@code
   * all} voices (the same hits over the same words) and the actor scores of the {@code quoted}
   * voice (an outlet sentence cut into parts credits its actors other compounds). Keyness ranks the outlet's own words, which are
   * now fewer, and is not compared.
   */
  public static void assertSameAsGolden(SparkSession spark, Path out, String golden,
      Collection<String> except) throws IOException {
    for (String table : TABLES.keySet()) {
      if (except.contains(table) || table.equals("source_keyness")) {
        continue;
      }
      Set<String> voices = KEPT_VOICES.get(table);
      List<String> expected = new ArrayList<>();
      for (String line : read(golden + "/" + table + ".jsonl.gz")) {
        if (voices == null || voices.contains(JSON.readTree(line).path("voice").asText())) {
          expected.add(unscored(table, line));
        }
      }
      List<String> actual = new ArrayList<>();
      for (String line : rows(spark, out, table, columns(table), true)) {
        actual.add(unscored(table, line));
      }
      expected.sort(null);
      actual.sort(null);
      assertThat(actual).as("%s: rows not in the golden file %s", table,
          without(actual, expected)).hasSameSizeAs(expected);
      assertThat(actual).as(table).containsExactlyElementsOf(expected);
    }
    try (InputStream in = resource(golden + "/run.json")) {
      JsonNode expected = JSON.readTree(in);
      ObjectNode now = runJson(out);
      // Entries listed twice, counted as written since the scorer looks entries up as written.
      for (JsonNode side : List.of(now, expected)) {
        ((ObjectNode) side.get("valence_lexicon")).remove("duplicates");
      }
      // Counts of what reported speech cuts in more parts, and scores in one more voice.
      for (String key : List.of("sentence_parts_scored", "actor_mentions", "source_scores_rows")) {
        now.remove(key);
        ((ObjectNode) expected).remove(key);
      }
      for (String key : List.of("tokens_by_voice", "term_hits_by_voice")) {
        if (now.get(key) instanceof ObjectNode byVoice && byVoice.has("reported")) {
          long reported = byVoice.remove("reported").asLong();
          byVoice.put("outlet", byVoice.path("outlet").asLong() + reported);
        }
      }
      // Parsed again, so that sums compare as the numbers they are, not by their Java type.
      assertThat(JSON.readTree(now.toString())).as("run.json").isEqualTo(expected);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Tables compared in some voices only (see {@link #assertSameAsGolden}). */
  static final Map<String, Set<String>> KEPT_VOICES = Map.of(
      "article_sentiment", Set.of("headline", "quoted"),
      "actor_mentions", Set.of("headline", "quoted"),
      "source_scores", Set.of("quoted", "all"),
      "actor_scores", Set.of("quoted"));

  /**
   * Columns whose values the sentence scorer computes. Holding the scorer to VADER's reference
   * implementation (emoticons, every negator, "no", "least", special phrases, items cut at
   * white space) changed almost every compound, by intent, so these values are not compared;
   * which sentence parts, mentions and actor rows there are, and their counts, still are.
   */
  static final Map<String, Set<String>> SCORED = Map.of(
      "article_sentiment", Set.of("mean_compound", "share_negative", "share_positive"),
      "actor_mentions", Set.of("compound"),
      "actor_scores", Set.of("mean_compound", "mean_low", "mean_high", "diff_from_corpus",
          "diff_low", "diff_high"));

  /** A row in comparison form without its scored values (see {@link #SCORED}). */
  private static String unscored(String table, String line) {
    Set<String> scored = SCORED.get(table);
    if (scored == null) {
      return line;
    }
    try {
      ObjectNode row = (ObjectNode) JSON.readTree(line);
      row.remove(scored);
      return row.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Columns added since the golden files were written: not in them, so not compared. */
  static final Map<String, List<String>> ADDED_SINCE = Map.of(
      "article_stats", List.of("n_pairs_own", "n_tokens_reported"));

  /** The columns the golden rows hold. */
  private static List<String> columns(String table) {
    List<String> names = new ArrayList<>(TABLES.get(table));
    names.removeAll(ADDED_SINCE.getOrDefault(table, List.of()));
    return names;
  }

  /** A table's rows in comparison form, sorted (as the golden files hold them). */
  public static List<String> rows(SparkSession spark, Path out, String table) {
    return rows(spark, out, table, columns(table));
  }

  private static List<String> rows(SparkSession spark, Path out, String table,
      List<String> columns) {
    return rows(spark, out, table, columns, false);
  }

  /** With {@code threeVoices}, as the golden files saw them (see {@link #assertSameAsGolden}). */
  private static List<String> rows(SparkSession spark, Path out, String table,
      List<String> columns, boolean threeVoices) {
    Dataset<Row> df = spark.read().parquet(out.resolve(table).toString());
    if (threeVoices && KEPT_VOICES.containsKey(table)) {
      df = df.filter(col("voice").isin(KEPT_VOICES.get(table).toArray()));
    }
    List<Column> cols = new ArrayList<>();
    for (String name : columns) {
      Column c = col("`" + name + "`");
      if (threeVoices && table.equals("term_hits") && name.equals("voice")) {
        c = when(c.equalTo("reported"), lit("outlet")).otherwise(c);
      } else if (threeVoices && table.equals("article_stats") && name.equals("n_tokens_outlet")) {
        c = c.plus(col("n_tokens_reported"));
      }
      if (name.equals("input_file")) {
        c = regexp_extract(c, "[^/]*$", 0);
      } else if (table.equals("articles") && name.equals("text")
          || table.equals("rejects") && name.equals("record")) {
        c = sha2(c, 256);
      }
      cols.add(c.as(name));
    }
    List<String> rows = new ArrayList<>(df.select(cols.toArray(new Column[0])).toJSON()
        .collectAsList());
    rows.sort(null);
    return rows;
  }

  static ObjectNode runJson(Path out) {
    try {
      JsonNode all = new ObjectMapper().readTree(out.resolve("run.json").toFile());
      ObjectNode kept = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .createObjectNode();
      for (String key : RUN_JSON_KEYS) {
        if (all.has(key)) {
          kept.set(key, all.get(key));
        }
      }
      ObjectNode lexicon = kept.putObject("lexicon");
      for (String key : List.of("name", "sha256", "axes", "frames", "actors")) {
        lexicon.set(key, all.get("lexicon").get(key));
      }
      kept.set("valence_lexicon", all.get("valence_lexicon"));
      return kept;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> without(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.removeAll(b);
    return out.subList(0, Math.min(5, out.size()));
  }

  private static void write(Path file, List<String> rows) throws IOException {
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
      for (String r : rows) {
        o.write((r + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  /** The lines of a golden table file. */
  public static List<String> golden(String resource) throws IOException {
    return read(resource);
  }

  private static List<String> read(String resource) throws IOException {
    try (InputStream in = new GZIPInputStream(resource(resource))) {
      String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return all.isEmpty() ? List.of() : List.of(all.split("\n"));
    }
  }

  private static InputStream resource(String name) {
    InputStream in = GoldenTables.class.getResourceAsStream("/" + name);
    if (in == null) {
      throw new IllegalStateException("no golden file " + name + " on the test classpath");
    }
    return in;
  }
}
