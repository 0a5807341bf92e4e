package org.framescope.cli;

import static org.apache.spark.sql.functions.*;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.framescope.io.OutputFolder;
import org.framescope.io.Tables;
import org.framescope.report.Kwic;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.QuotesTable;
import org.framescope.schema.StoriesTable;
import org.framescope.schema.StorySummaryTable;
import org.framescope.schema.TermHitsTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code framescope kwic}: the evidence behind a score, as keyword-in-context lines, a quoted or
 * reported hit with its speaker. Only the {@code --limit} hits shown, and the attributions of
 * their articles, are brought to the driver.
 */
@Command(name = "kwic", mixinStandardHelpOptions = true,
    description = "Print keyword-in-context lines for a lexicon entry from an earlier output, "
        + "or (--story) each outlet's headline and loaded terms in one story.")
final class KwicCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "${env:FRAMESCOPE_HOME:-.}/out",
      description = "The output folder of an earlier run (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--entry", paramLabel = "ENTRY",
      description = "The lexicon entry, as written in the lexicon (case ignored), e.g. regime; "
          + "or pole:NAME / name:NAME for every entry of a pole, axis or frame.")
  String entry;

  @Option(names = "--story", paramLabel = "ID",
      description = "A story of the stories table: each outlet's headline and the lexicon terms "
          + "of its article, side by side, instead of keyword-in-context lines.")
  String story;

  @Option(names = "--source", paramLabel = "S", description = "Only this source.")
  String source;

  @Option(names = "--voice", paramLabel = "V",
      description = "Only this voice: headline, outlet, reported or quoted.")
  String voice;

  @Option(names = "--window", paramLabel = "N", defaultValue = "8",
      description = "Words of context on each side (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
      description = "Most lines to print (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    if (voice != null && !List.of(TermHitsTable.VOICE_HEADLINE, TermHitsTable.VOICE_OUTLET,
        TermHitsTable.VOICE_REPORTED, TermHitsTable.VOICE_QUOTED).contains(voice)) {
      throw new IllegalArgumentException("--voice '" + voice + "': expected headline, outlet, "
          + "reported or quoted");
    }
    if (window < 0 || limit < 1) {
      throw new IllegalArgumentException("--window must be at least 0 and --limit at least 1");
    }
    if ((entry == null) == (story == null)) {
      throw new IllegalArgumentException("give --entry ENTRY or --story ID (one of them)");
    }
    if (story != null && !OutputFolder.hasTable(new Configuration(), output, StoriesTable.NAME)
        && !output.contains("://")) {
      throw new IllegalArgumentException("no stories table in " + output + ": run 'run' or "
          + "'features' without --no-stories first");
    }
    if (!OutputFolder.hasTable(new Configuration(), output, TermHitsTable.NAME)
        && !output.contains("://")) {
      throw new IllegalArgumentException(OutputFolder.pendingPublish(new Configuration(), output)
          ? "the output in " + output + " is incomplete: a run stopped while publishing it; "
              + "run 'framescope repair --output " + output + "' to finish it"
          : "no term_hits table in " + output + ": run 'run' or 'features' first");
    }
    SparkSession spark = Sessions.start("kwic", main.master);
    Dataset<Row> hits = Tables.read(spark, TermHitsTable.SCHEMA,
        output + "/" + TermHitsTable.NAME);
    Dataset<Row> articles = Tables.read(spark, ArticlesTable.SCHEMA,
        output + "/" + ArticlesTable.NAME);
    if (story != null) {
      Dataset<Row> stories = Tables.read(spark, StoriesTable.SCHEMA,
          output + "/" + StoriesTable.NAME);
      Dataset<Row> summary = Tables.read(spark, StorySummaryTable.SCHEMA,
          output + "/" + StorySummaryTable.NAME);
      printStory(System.out, storySummary(summary), storyMembers(stories, hits, articles));
      return 0;
    }
    List<Row> rows = collect(hits, articles);
    List<Row> quotes = List.of();
    if (OutputFolder.hasTable(new Configuration(), output, QuotesTable.NAME)
        || output.contains("://")) {
      quotes = quotesOf(Tables.read(spark, QuotesTable.SCHEMA, output + "/" + QuotesTable.NAME),
          rows);
    }
    print(System.out, rows, quotes);
    return 0;
  }

  /** The story's summary row, or null. */
  Row storySummary(Dataset<Row> summary) {
    List<Row> rows = summary.filter(col(StorySummaryTable.STORY_ID).equalTo(story))
        .collectAsList();
    return rows.isEmpty() ? null : rows.get(0);
  }

  /**
   * The story's articles (of {@code --source} only, when given), each with its headline and its
   * hits as "entry (voice)", in the order they occur: one row per article, to the driver.
   */
  List<Row> storyMembers(Dataset<Row> stories, Dataset<Row> hits, Dataset<Row> articles) {
    Dataset<Row> members = stories.filter(col(StoriesTable.STORY_ID).equalTo(story));
    if (source != null) {
      members = members.filter(col(StoriesTable.SOURCE).equalTo(source));
    }
    Column hitFilter = col(TermHitsTable.ARTICLE_ID).isNotNull();
    if (voice != null) {
      hitFilter = col(TermHitsTable.VOICE).equalTo(voice);
    }
    Dataset<Row> terms = hits.filter(hitFilter).join(broadcast(members.select(
            col(StoriesTable.ARTICLE_ID).as("_m"))), col(TermHitsTable.ARTICLE_ID).equalTo(
            col("_m")))
        .groupBy(col(TermHitsTable.ARTICLE_ID).as("_h_id"))
        .agg(transform(array_sort(collect_list(struct(col(TermHitsTable.SENTENCE_INDEX),
                col(TermHitsTable.CHAR_START), concat(lower(col(TermHitsTable.MATCHED)),
                    lit(" ("), col(TermHitsTable.VOICE), lit(")")).as("_t")))),
            x -> x.getField("_t")).as("_terms"));
    Dataset<Row> titles = articles.select(col(ArticlesTable.ARTICLE_ID).as("_a_id"),
        col(ArticlesTable.TITLE).as("_title"));
    return members.join(titles, col(StoriesTable.ARTICLE_ID).equalTo(col("_a_id")), "left")
        .join(terms, col(StoriesTable.ARTICLE_ID).equalTo(col("_h_id")), "left")
        .orderBy(col(StoriesTable.PUBLISHED), col(StoriesTable.SOURCE),
            col(StoriesTable.ARTICLE_ID))
        .select(col(StoriesTable.SOURCE), col(StoriesTable.PUBLISHED),
            col(StoriesTable.ARTICLE_ID), col(StoriesTable.COPY_OF), col("_title"),
            col("_terms"))
        .collectAsList();
  }

  void printStory(PrintStream out, Row summary, List<Row> members) {
    if (summary == null) {
      out.println("no story " + story + " in the stories table");
      return;
    }
    out.printf("story %s: %s to %s, %d articles from %d sources%n", story,
        summary.getAs(StorySummaryTable.FIRST_PUBLISHED),
        summary.getAs(StorySummaryTable.LAST_PUBLISHED),
        summary.<Long>getAs(StorySummaryTable.N_ARTICLES),
        summary.<Long>getAs(StorySummaryTable.N_SOURCES));
    out.println("terms: " + String.join(", ", summary.<String>getList(
        summary.fieldIndex(StorySummaryTable.TOP_TERMS))));
    int width = 6;
    for (Row m : members) {
      width = Math.max(width, m.getString(0).length());
    }
    for (Row m : members) {
      out.printf("%-" + width + "s  %s  %s%s%n", m.getString(0), m.get(1),
          m.isNullAt(4) ? "(no headline)" : m.getString(4),
          m.isNullAt(3) ? "" : "  [copy of " + m.getString(3) + "]");
      List<String> terms = m.isNullAt(5) ? List.of() : m.getList(5);
      out.printf("%-" + width + "s              %s%n", "",
          terms.isEmpty() ? "no lexicon terms" : String.join(", ", terms));
    }
  }

  /** The attributions of the articles of {@code rows}: a few per article, to the driver. */
  static List<Row> quotesOf(Dataset<Row> quotes, List<Row> rows) {
    List<String> ids = new ArrayList<>();
    for (Row r : rows) {
      ids.add(r.getAs(TermHitsTable.ARTICLE_ID));
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    return quotes.filter(col(QuotesTable.ARTICLE_ID).isin(ids.stream().distinct().toArray()))
        .select(QuotesTable.ARTICLE_ID, QuotesTable.SENTENCE_INDEX, QuotesTable.CHAR_START,
            QuotesTable.CHAR_END, QuotesTable.SPEAKER_NAME, QuotesTable.SPEAKER)
        .collectAsList();
  }

  /**
   * The speaker of a quoted or reported hit: of the attribution whose content holds it (the
   * resolved name, else as written), or null.
   */
  static String speakerOf(Row hit, List<Row> quotes) {
    String v = hit.getAs(TermHitsTable.VOICE);
    if (!TermHitsTable.VOICE_QUOTED.equals(v) && !TermHitsTable.VOICE_REPORTED.equals(v)) {
      return null;
    }
    String id = hit.getAs(TermHitsTable.ARTICLE_ID);
    boolean headline = hit.<Integer>getAs(TermHitsTable.SENTENCE_INDEX) == 0;
    int at = hit.getAs(TermHitsTable.CHAR_START);
    for (Row q : quotes) {
      if (id.equals(q.getString(0)) && (q.getInt(1) == 0) == headline && q.getInt(2) <= at
          && at < q.getInt(3)) {
        return q.isNullAt(4) ? q.getString(5) : q.getString(4);
      }
    }
    return null;
  }

  /** The hits to show, with the text they are in: at most {@code limit} rows. */
  List<Row> collect(Dataset<Row> hits, Dataset<Row> articles) {
    Column filter = entryFilter();
    if (source != null) {
      filter = filter.and(col(TermHitsTable.SOURCE).equalTo(source));
    }
    if (voice != null) {
      filter = filter.and(col(TermHitsTable.VOICE).equalTo(voice));
    }
    Dataset<Row> chosen = hits.filter(filter)
        .orderBy(col(TermHitsTable.SOURCE), col(TermHitsTable.PUBLISHED).asc_nulls_last(),
            col(TermHitsTable.ARTICLE_ID), col(TermHitsTable.SENTENCE_INDEX),
            col(TermHitsTable.CHAR_START))
        .limit(limit);
    Dataset<Row> texts = articles.select(col(ArticlesTable.ARTICLE_ID).as("_id"),
        col(ArticlesTable.TITLE).as("_title"), col(ArticlesTable.TEXT).as("_text"));
    return chosen.join(broadcast(texts.join(broadcast(chosen.select(
                col(TermHitsTable.ARTICLE_ID).as("_id")).distinct()), "_id")),
            chosen.col(TermHitsTable.ARTICLE_ID).equalTo(col("_id")))
        .orderBy(col(TermHitsTable.SOURCE), col(TermHitsTable.PUBLISHED).asc_nulls_last(),
            col(TermHitsTable.ARTICLE_ID), col(TermHitsTable.SENTENCE_INDEX),
            col(TermHitsTable.CHAR_START))
        .collectAsList();
  }

  private Column entryFilter() {
    if (entry.startsWith("pole:")) {
      return col(TermHitsTable.POLE).equalTo(entry.substring(5));
    }
    if (entry.startsWith("name:")) {
      return col(TermHitsTable.NAME_COL).equalTo(entry.substring(5));
    }
    return lower(col(TermHitsTable.ENTRY)).equalTo(entry.toLowerCase(java.util.Locale.ROOT));
  }

  void print(PrintStream out, List<Row> rows, List<Row> quotes) {
    if (rows.isEmpty()) {
      out.println("no hits for " + entry + (source == null ? "" : " in " + source)
          + (voice == null ? "" : " in the " + voice + " voice"));
      return;
    }
    List<String[]> lines = new ArrayList<>();
    int[] width = new int[3];
    for (Row r : rows) {
      boolean headline = TermHitsTable.VOICE_HEADLINE.equals(r.getAs(TermHitsTable.VOICE))
          || r.<Integer>getAs(TermHitsTable.SENTENCE_INDEX) == 0;
      String text = headline ? r.getAs("_title") : r.getAs("_text");
      int start = r.getAs(TermHitsTable.CHAR_START);
      int end = r.getAs(TermHitsTable.CHAR_END);
      String[] line = {
          r.getAs(TermHitsTable.SOURCE),
          String.valueOf(r.<Object>getAs(TermHitsTable.PUBLISHED)),
          Kwic.lastWords(text.substring(0, start), window),
          text.substring(start, end),
          Kwic.firstWords(text.substring(end), window),
          voiceAndSpeaker(r.getAs(TermHitsTable.VOICE), speakerOf(r, quotes))};
      width[0] = Math.max(width[0], line[0].length());
      width[1] = Math.max(width[1], line[2].length());
      width[2] = Math.max(width[2], line[3].length());
      lines.add(line);
    }
    for (String[] l : lines) {
      out.printf("%-" + width[0] + "s  %-10s  %" + width[1] + "s [%s] %s  (%s)%n",
          l[0], l[1], l[2], l[3], l[4], l[5]);
    }
  }

  private static String voiceAndSpeaker(String voice, String speaker) {
    return speaker == null ? voice : voice + ": " + speaker;
  }
}
