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
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.QuotesTable;
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
    description = "Print keyword-in-context lines for a lexicon entry from an earlier output.")
final class KwicCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "${env:FRAMESCOPE_HOME:-.}/out",
      description = "The output folder of an earlier run (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--entry", required = true, paramLabel = "ENTRY",
      description = "The lexicon entry, as written in the lexicon (case ignored), e.g. regime; "
          + "or pole:NAME / name:NAME for every entry of a pole, axis or frame.")
  String entry;

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
          lastWords(text.substring(0, start), window),
          text.substring(start, end),
          firstWords(text.substring(end), window),
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

  static String lastWords(String s, int n) {
    String[] words = s.strip().replace('\n', ' ').split("\\s+");
    int from = Math.max(0, words.length - n);
    return n == 0 ? "" : String.join(" ", java.util.Arrays.copyOfRange(words, from, words.length));
  }

  static String firstWords(String s, int n) {
    String[] words = s.strip().replace('\n', ' ').split("\\s+");
    return n == 0 ? "" : String.join(" ", java.util.Arrays.copyOfRange(words, 0,
        Math.min(n, words.length)));
  }
}
