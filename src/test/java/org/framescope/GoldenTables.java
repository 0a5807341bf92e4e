package org.framescope;

import static org.apache.spark.sql.functions.col;
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
   * golden files in {@code golden} (a classpath folder such as {@code golden/sample}).
   */
  public static void assertSameAsGolden(SparkSession spark, Path out, String golden,
      Collection<String> except) throws IOException {
    for (String table : TABLES.keySet()) {
      if (except.contains(table)) {
        continue;
      }
      List<String> expected = read(golden + "/" + table + ".jsonl.gz");
      List<String> actual = rows(spark, out, table, columns(table));
      assertThat(actual).as("%s: rows not in the golden file %s", table,
          without(actual, expected)).hasSameSizeAs(expected);
      assertThat(actual).as(table).containsExactlyElementsOf(expected);
    }
    try (InputStream in = resource(golden + "/run.json")) {
      JsonNode expected = new ObjectMapper().readTree(in);
      assertThat(runJson(out)).as("run.json").isEqualTo(expected);
    }
  }

  /** Columns added since the golden files were written: not in them, so not compared. */
  static final Map<String, List<String>> ADDED_SINCE = Map.of(
      "article_stats", List.of("n_pairs_own"));

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
    Dataset<Row> df = spark.read().parquet(out.resolve(table).toString());
    List<Column> cols = new ArrayList<>();
    for (String name : columns) {
      Column c = col("`" + name + "`");
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
