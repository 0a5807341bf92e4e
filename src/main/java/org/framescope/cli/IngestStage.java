package org.framescope.cli;

import static org.apache.spark.sql.functions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.corpus.ArticleIds;
import org.framescope.corpus.Boilerplate;
import org.framescope.corpus.CleanRecords;
import org.framescope.corpus.Duplicates;
import org.framescope.corpus.InputFormat;
import org.framescope.corpus.PageFurniture;
import org.framescope.corpus.RawRecords;
import org.framescope.corpus.RecordParser;
import org.framescope.corpus.RejectReason;
import org.framescope.io.OutputFolder;
import org.framescope.io.RunManifest;
import org.framescope.io.Tables;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.BoilerplateTable;
import org.framescope.schema.DuplicatesTable;
import org.framescope.schema.RejectsTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: reads the corpus, writes {@code articles}, {@code rejects}, {@code
 * duplicates} and {@code boilerplate} to the output's staging area and records its counts. Work
 * tables are written once and read back, so no step reads the input twice beyond the count that
 * the reconciliation checks against.
 */
final class IngestStage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

  static final List<String> TABLES = List.of(ArticlesTable.NAME, RejectsTable.NAME,
      DuplicatesTable.NAME, BoilerplateTable.NAME);

  private static final String WORK_PARSED = "work_parsed";
  private static final String WORK_ACCEPTED = "work_accepted";
  private static final String WORK_ARTICLES = "work_articles";
  private static final String WORK_DEDUP = "work_dedup_";

  /** What the console summary shows. */
  record Summary(long recordsRead, Map<String, Long> rejectedByReason, long duplicates,
      Map<String, long[]> perSource) {}

  private IngestStage() {}

  static Summary run(SparkSession spark, IngestOptions options, IngestOptions.Checked checked,
      InputFormat format, OutputFolder out, RunManifest manifest) {
    long started = System.nanoTime();
    Dataset<Row> raw = RawRecords.read(spark, options.input, format);
    checkMappedColumns(spark, options, checked, format);
    long recordsRead = raw.count();
    LOG.info("read {} records from {} ({})", recordsRead, options.input, format.cliName());

    RecordParser parser = new RecordParser(checked.mapping(), PageFurniture.defaults());
    CleanRecords.parse(raw, parser).write().parquet(out.staged(WORK_PARSED));
    Dataset<Row> parsed = spark.read().parquet(out.staged(WORK_PARSED));

    Column rejected = col(CleanRecords.REJECT_REASON).isNotNull();
    ArticleIds.withArticleIds(parsed.filter(not(rejected)))
        .select(col(ArticleIds.ARTICLE_ID), col(CleanRecords.SOURCE), col(CleanRecords.PUBLISHED),
            col(CleanRecords.PUBLISHED_RAW), col(CleanRecords.TITLE), col(CleanRecords.TEXT),
            col(CleanRecords.URL), col(CleanRecords.LANGUAGE), col(CleanRecords.INPUT_FILE),
            col(CleanRecords.REPAIRS), col(CleanRecords.REMOVED),
            col(CleanRecords.DATE_UNPARSED), col(ArticleIds.ID_MADE_UNIQUE))
        .write().parquet(out.staged(WORK_ACCEPTED));
    Dataset<Row> accepted = spark.read().parquet(out.staged(WORK_ACCEPTED));
    long parsedAt = System.nanoTime();

    long[] pairsChecked = {0};
    Tables.write(Duplicates.findDuplicates(accepted, checked.dedup(), (name, table) -> {
          table.write().parquet(out.staged(WORK_DEDUP + name));
          Dataset<Row> stored = spark.read().parquet(out.staged(WORK_DEDUP + name));
          if (name.equals(Duplicates.CANDIDATES)) {
            pairsChecked[0] = stored.count();
          }
          return stored;
        }), DuplicatesTable.SCHEMA, out.staged(DuplicatesTable.NAME));
    manifest.put("near_duplicate_pairs_checked", pairsChecked[0]);
    Dataset<Row> duplicates = Tables.read(spark, DuplicatesTable.SCHEMA,
        out.staged(DuplicatesTable.NAME));
    Dataset<Row> flagged = Duplicates.withDuplicateFlags(accepted, duplicates);
    long dedupAt = System.nanoTime();

    // Bounded by the furniture each source repeats, not by the corpus.
    List<Row> recurring = Boilerplate.perSourceRecurringLines(flagged, checked.boilerplate())
        .collectAsList();
    Broadcast<Set<String>> recurringKeys = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(Boilerplate.keySet(recurring));
    Boilerplate.withoutRecurringLines(flagged, recurringKeys)
        .write().parquet(out.staged(WORK_ARTICLES));
    Dataset<Row> cleaned = spark.read().parquet(out.staged(WORK_ARTICLES));

    Column empty = col(ArticlesTable.TEXT).equalTo("");
    Dataset<Row> emptied = cleaned.filter(empty).select(
        col(ArticlesTable.INPUT_FILE).as(RejectsTable.INPUT_FILE),
        to_json(struct(col(ArticlesTable.ARTICLE_ID), col(ArticlesTable.SOURCE),
            col(ArticlesTable.PUBLISHED_RAW), col(ArticlesTable.TITLE),
            col(CleanRecords.REMOVED))).as(RejectsTable.RECORD),
        lit(RejectReason.NO_TEXT_AFTER_CLEANING.code()).as(RejectsTable.REASON),
        lit("every line recurs across the source's articles").as(RejectsTable.DETAIL));
    Dataset<Row> rejects = parsed.filter(rejected).select(
            col(CleanRecords.INPUT_FILE).as(RejectsTable.INPUT_FILE),
            col(CleanRecords.RECORD).as(RejectsTable.RECORD),
            col(CleanRecords.REJECT_REASON).as(RejectsTable.REASON),
            col(CleanRecords.REJECT_DETAIL).as(RejectsTable.DETAIL))
        .unionByName(emptied);
    Tables.write(rejects, RejectsTable.SCHEMA, out.staged(RejectsTable.NAME));
    Dataset<Row> articles = cleaned.filter(not(empty));
    Tables.write(articles, ArticlesTable.SCHEMA, out.staged(ArticlesTable.NAME));
    Tables.write(Boilerplate.perSourceRemovedLines(cleaned), BoilerplateTable.SCHEMA,
        out.staged(BoilerplateTable.NAME));
    long writtenAt = System.nanoTime();

    Summary summary = record(spark, out, manifest, recordsRead, recurring.size());
    Map<String, Object> timings = manifest.section("timings_seconds");
    timings.put("ingest_parse", StageRunner.seconds(started, parsedAt));
    timings.put("ingest_dedup", StageRunner.seconds(parsedAt, dedupAt));
    timings.put("ingest_clean_and_write", StageRunner.seconds(dedupAt, writtenAt));
    timings.put("ingest", StageRunner.seconds(started, System.nanoTime()));
    return summary;
  }

  /** Computes the counts from the staged tables, checks they reconcile and records them. */
  private static Summary record(SparkSession spark, OutputFolder out, RunManifest manifest,
      long recordsRead, int recurringLines) {
    Dataset<Row> articles = spark.read().parquet(out.staged(WORK_ARTICLES))
        .filter(col(ArticlesTable.TEXT).notEqual(""));
    Row totals = articles.agg(
        count(lit(1)),
        sum(when(col(ArticlesTable.IS_DUPLICATE), 1).otherwise(0)),
        sum(when(col(CleanRecords.DATE_UNPARSED), 1).otherwise(0)),
        sum(when(col(ArticleIds.ID_MADE_UNIQUE), 1).otherwise(0)),
        sum(when(col(ArticlesTable.PUBLISHED).isNull(), 1).otherwise(0))).first();
    long accepted = totals.getLong(0);
    long duplicates = accepted == 0 ? 0 : totals.getLong(1);

    Map<String, Long> byReason = new TreeMap<>();
    for (Row r : spark.read().parquet(out.staged(RejectsTable.NAME))
        .groupBy(RejectsTable.REASON).count().collectAsList()) {
      byReason.put(r.getString(0), r.getLong(1));
    }
    long rejected = byReason.values().stream().mapToLong(Long::longValue).sum();
    if (recordsRead != accepted + rejected) {
      throw new IllegalStateException("counts do not reconcile: read " + recordsRead
          + " records, accepted " + accepted + ", rejected " + rejected);
    }

    Map<String, long[]> perSource = new TreeMap<>();
    for (Row r : articles.groupBy(ArticlesTable.SOURCE)
        .agg(count(lit(1)), sum(when(col(ArticlesTable.IS_DUPLICATE), 1).otherwise(0)))
        .collectAsList()) {
      perSource.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2)});
    }
    Map<String, Long> repairs = new TreeMap<>();
    for (Row r : articles.select(explode(col(ArticlesTable.REPAIRS)).as("r"))
        .groupBy("r").count().collectAsList()) {
      repairs.put(r.getString(0), r.getLong(1));
    }
    Map<String, Long> byKind = new TreeMap<>();
    for (Row r : spark.read().parquet(out.staged(DuplicatesTable.NAME))
        .groupBy(DuplicatesTable.KIND).count().collectAsList()) {
      byKind.put(r.getString(0), r.getLong(1));
    }
    Map<String, Long> removedByRule = new TreeMap<>();
    for (Row r : spark.read().parquet(out.staged(BoilerplateTable.NAME))
        .groupBy(BoilerplateTable.RULE).agg(sum(BoilerplateTable.N_REMOVED)).collectAsList()) {
      removedByRule.put(r.getString(0), r.getLong(1));
    }

    manifest.put("records_read", recordsRead);
    manifest.put("records_rejected", rejected);
    manifest.put("rejected_by_reason", byReason);
    manifest.put("articles_accepted", accepted);
    manifest.put("duplicates", duplicates);
    manifest.put("duplicates_by_kind", byKind);
    manifest.put("original_articles", accepted - duplicates);
    manifest.put("dates_unparsed", accepted == 0 ? 0 : totals.getLong(2));
    manifest.put("published_missing", accepted == 0 ? 0 : totals.getLong(4));
    manifest.put("ids_made_unique", accepted == 0 ? 0 : totals.getLong(3));
    manifest.put("texts_repaired", repairs);
    manifest.put("lines_removed_by_rule", removedByRule);
    manifest.put("recurring_lines_learned", recurringLines);
    Map<String, Object> sources = new LinkedHashMap<>();
    perSource.forEach((s, c) -> sources.put(s, Map.of("articles", c[0], "duplicates", c[1])));
    manifest.put("articles_per_source", sources);
    return new Summary(recordsRead, byReason, duplicates, perSource);
  }

  /** A --map naming a column the input does not declare is almost surely a typo: say so. */
  private static void checkMappedColumns(SparkSession spark, IngestOptions options,
      IngestOptions.Checked checked, InputFormat format) {
    List<String> declared = RawRecords.declaredColumns(spark, options.input, format);
    if (declared == null) {
      return;
    }
    for (Map.Entry<String, String> e : checked.mapping().explicit().entrySet()) {
      if (!declared.contains(e.getValue())) {
        throw new IllegalArgumentException("--map " + e.getKey() + "=" + e.getValue()
            + ": the input has no column '" + e.getValue() + "' (it has "
            + String.join(", ", declared) + ")");
      }
    }
  }
}
