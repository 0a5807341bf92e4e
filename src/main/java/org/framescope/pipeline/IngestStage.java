package org.framescope.pipeline;

import static org.apache.spark.sql.functions.*;

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
import org.framescope.io.InputCheck;
import org.framescope.io.OutputFolder;
import org.framescope.io.Tables;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.BoilerplateTable;
import org.framescope.schema.DuplicatesTable;
import org.framescope.schema.RejectsTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage: reads the corpus, writes {@code articles}, {@code rejects}, {@code
 * duplicates} and {@code boilerplate} to the output's staging area, and returns its counts. Work
 * tables are written once and read back ({@link OutputFolder#stored}), so no step reads the input
 * twice beyond the count that the reconciliation checks against.
 *
 * <p>As they are read, the records are spread over at least {@link #MIN_TASKS_PER_CORE} tasks
 * per core: a corpus in one compressed file (a {@code .jsonl.gz} cannot be split) is read by a
 * single task, and without this the cleaning of every record, and every later step of the whole
 * run, would run on one core.
 */
public final class IngestStage {
  private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

  public static final List<String> TABLES = List.of(ArticlesTable.NAME, RejectsTable.NAME,
      DuplicatesTable.NAME, BoilerplateTable.NAME);
  static final int MIN_TASKS_PER_CORE = 2;

  /** One source's articles, and how many of them are copies. */
  public record SourceCounts(long articles, long duplicates) {}

  /** What ingest read and what came of it; run.json records every component. */
  public record Result(String input, String inputFormat, long recordsRead,
      long recordsRejected, Map<String, Long> rejectedByReason, long articlesAccepted,
      long duplicates, Map<String, Long> duplicatesByKind, long originalArticles,
      long datesUnparsed, long publishedMissing, long idsMadeUnique,
      Map<String, Long> textsRepaired, Map<String, Long> linesRemovedByRule,
      long recurringLinesLearned, Map<String, SourceCounts> articlesPerSource,
      long nearDuplicatePairsChecked, long inputFiles, long filesUnreadable,
      Map<String, Double> timingsSeconds) {}

  private IngestStage() {}

  public static Result run(SparkSession spark, IngestSettings settings, InputFormat format,
      OutputFolder out) {
    Timings timings = new Timings();
    InputCheck.Result files = InputCheck.run(spark, settings.input(), format);
    List<String> only = null;
    if (!files.unreadable().isEmpty()) {
      only = files.readable();
      boolean manifestLost = format == InputFormat.TEXT
          && files.unreadable().stream().anyMatch(u -> u.file().endsWith("/manifest.csv"));
      boolean nothingLeft = only.isEmpty() || manifestLost;
      if (settings.onUnreadableFile() == IngestSettings.OnUnreadable.FAIL || nothingLeft) {
        throw new IllegalArgumentException(InputCheck.message(files, !nothingLeft));
      }
      for (InputCheck.Unreadable u : files.unreadable()) {
        LOG.warn("skipped unreadable input file {}: {}", u.file(), u.problem());
      }
    }
    timings.step("ingest_check_files");
    Dataset<Row> raw = RawRecords.read(spark, settings.input(), format, only);
    checkMappedColumns(spark, settings, format, only);
    long recordsRead = raw.count();
    LOG.info("read {} records from {} ({})", recordsRead, settings.input(), format.cliName());

    RecordParser parser = new RecordParser(settings.map(), PageFurniture.defaults());
    Dataset<Row> parsed = out.stored("parsed",
        CleanRecords.parse(spread(raw, spark.sparkContext().defaultParallelism()), parser));

    Column rejected = col(CleanRecords.REJECT_REASON).isNotNull();
    Dataset<Row> accepted = out.stored("accepted",
        ArticleIds.withArticleIds(parsed.filter(not(rejected)))
            .select(col(ArticleIds.ARTICLE_ID), col(CleanRecords.SOURCE),
                col(CleanRecords.PUBLISHED), col(CleanRecords.PUBLISHED_RAW),
                col(CleanRecords.TITLE), col(CleanRecords.TEXT), col(CleanRecords.URL),
                col(CleanRecords.LANGUAGE), col(CleanRecords.INPUT_FILE),
                col(CleanRecords.REPAIRS), col(CleanRecords.REMOVED),
                col(CleanRecords.DATE_UNPARSED), col(ArticleIds.ID_MADE_UNIQUE)));
    timings.step("ingest_parse");

    long[] pairsChecked = {0};
    Tables.write(Duplicates.findDuplicates(accepted, settings.dedup(), (name, table) -> {
          Dataset<Row> stored = out.stored("dedup_" + name, table);
          if (name.equals(Duplicates.CANDIDATES)) {
            pairsChecked[0] = stored.count();
          }
          return stored;
        }), DuplicatesTable.SCHEMA, out.staged(DuplicatesTable.NAME));
    Dataset<Row> duplicates = Tables.read(spark, DuplicatesTable.SCHEMA,
        out.staged(DuplicatesTable.NAME));
    Dataset<Row> flagged = Duplicates.withDuplicateFlags(accepted, duplicates);
    timings.step("ingest_dedup");

    // Bounded by the furniture each source repeats, not by the corpus.
    List<Row> recurring = Boilerplate.perSourceRecurringLines(flagged, settings.boilerplate())
        .collectAsList();
    Broadcast<Set<String>> recurringKeys = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(Boilerplate.keySet(recurring));
    Dataset<Row> cleaned = out.stored("articles",
        Boilerplate.withoutRecurringLines(flagged, recurringKeys));

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
        .unionByName(emptied)
        .unionByName(unreadableRows(spark, files.unreadable()));
    Tables.write(rejects, RejectsTable.SCHEMA, out.staged(RejectsTable.NAME));
    Tables.write(cleaned.filter(not(empty)), ArticlesTable.SCHEMA,
        out.staged(ArticlesTable.NAME));
    Tables.write(Boilerplate.perSourceRemovedLines(cleaned), BoilerplateTable.SCHEMA,
        out.staged(BoilerplateTable.NAME));
    timings.step("ingest_clean_and_write");

    Result result = summarise(spark, settings, format, out, cleaned, recordsRead, recurring.size(),
        pairsChecked[0], files, timings);
    LOG.info("ingest: {} records, {} accepted, {} rejected, {} duplicates", recordsRead,
        result.articlesAccepted(), result.recordsRejected(), result.duplicates());
    return result;
  }

  /**
   * {@code df} over at least {@value #MIN_TASKS_PER_CORE} tasks per core when it has fewer
   * partitions (a round-robin shuffle); as it is otherwise. Nothing downstream depends on the
   * order of the records: ids, duplicates and furniture are decided by content.
   */
  static Dataset<Row> spread(Dataset<Row> df, int cores) {
    int want = MIN_TASKS_PER_CORE * Math.max(1, cores);
    return df.rdd().getNumPartitions() >= want ? df : df.repartition(want);
  }

  /** The counts from the staged tables, checked to reconcile. */
  private static Result summarise(SparkSession spark, IngestSettings settings, InputFormat format,
      OutputFolder out, Dataset<Row> cleaned, long recordsRead, int recurringLines,
      long pairsChecked, InputCheck.Result files, Timings timings) {
    Dataset<Row> articles = cleaned.filter(col(ArticlesTable.TEXT).notEqual(""));
    Row totals = articles.agg(
        count(lit(1)),
        sum(when(col(ArticlesTable.IS_DUPLICATE), 1).otherwise(0)),
        sum(when(col(CleanRecords.DATE_UNPARSED), 1).otherwise(0)),
        sum(when(col(ArticleIds.ID_MADE_UNIQUE), 1).otherwise(0)),
        sum(when(col(ArticlesTable.PUBLISHED).isNull(), 1).otherwise(0))).first();
    long accepted = totals.getLong(0);
    long duplicates = accepted == 0 ? 0 : totals.getLong(1);

    Map<String, Long> byReason = counts(spark.read().parquet(out.staged(RejectsTable.NAME))
        .groupBy(RejectsTable.REASON).count());
    long rejected = byReason.values().stream().mapToLong(Long::longValue).sum();
    long unreadable = files.unreadable().size();
    if (recordsRead + unreadable != accepted + rejected) {
      throw new IllegalStateException("counts do not reconcile: read " + recordsRead
          + " records and " + unreadable + " unreadable files, accepted " + accepted
          + ", rejected " + rejected);
    }
    Map<String, SourceCounts> perSource = new TreeMap<>();
    for (Row r : articles.groupBy(ArticlesTable.SOURCE)
        .agg(count(lit(1)), sum(when(col(ArticlesTable.IS_DUPLICATE), 1).otherwise(0)))
        .collectAsList()) {
      perSource.put(r.getString(0), new SourceCounts(r.getLong(1), r.getLong(2)));
    }
    Map<String, Long> repairs = counts(articles.select(explode(col(ArticlesTable.REPAIRS))
        .as("r")).groupBy("r").count());
    Map<String, Long> byKind = counts(spark.read().parquet(out.staged(DuplicatesTable.NAME))
        .groupBy(DuplicatesTable.KIND).count());
    Map<String, Long> removedByRule = counts(spark.read()
        .parquet(out.staged(BoilerplateTable.NAME))
        .groupBy(BoilerplateTable.RULE).agg(sum(BoilerplateTable.N_REMOVED)));
    timings.total("ingest");
    return new Result(settings.input(), format.cliName(), recordsRead, rejected, byReason,
        accepted, duplicates, byKind, accepted - duplicates,
        accepted == 0 ? 0 : totals.getLong(2), accepted == 0 ? 0 : totals.getLong(4),
        accepted == 0 ? 0 : totals.getLong(3), repairs, removedByRule, recurringLines,
        perSource, pairsChecked, files.files().size(), unreadable, timings.asMap());
  }

  /** A (key, count) aggregate, small by construction, as a sorted map. */
  private static Map<String, Long> counts(Dataset<Row> keyCount) {
    Map<String, Long> m = new TreeMap<>();
    for (Row r : keyCount.collectAsList()) {
      m.put(r.getString(0), r.getLong(1));
    }
    return m;
  }

  /** The rejects rows of the files skipped as unreadable: one a file. */
  private static Dataset<Row> unreadableRows(SparkSession spark,
      List<InputCheck.Unreadable> unreadable) {
    List<Row> rows = new java.util.ArrayList<>();
    for (InputCheck.Unreadable u : unreadable) {
      rows.add(org.apache.spark.sql.RowFactory.create(u.file(), null,
          RejectReason.UNREADABLE_FILE.code(), u.problem()));
    }
    return spark.createDataFrame(rows, RejectsTable.SCHEMA);
  }

  /** A --map naming a column the input does not declare is almost surely a typo: say so. */
  private static void checkMappedColumns(SparkSession spark, IngestSettings settings,
      InputFormat format, List<String> only) {
    List<String> declared = RawRecords.declaredColumns(spark, settings.input(), format, only);
    if (declared == null) {
      return;
    }
    for (Map.Entry<String, String> e : settings.map().explicit().entrySet()) {
      if (!declared.contains(e.getValue())) {
        throw new IllegalArgumentException("--map " + e.getKey() + "=" + e.getValue()
            + ": the input has no column '" + e.getValue() + "' (it has "
            + String.join(", ", declared) + ")");
      }
    }
  }
}
