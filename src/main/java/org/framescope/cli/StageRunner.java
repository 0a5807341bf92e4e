package org.framescope.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.framescope.corpus.InputFormat;
import org.framescope.io.InputPaths;
import org.framescope.io.LexiconFiles;
import org.framescope.io.OutputFolder;
import org.framescope.io.RunManifest;
import org.framescope.lexicon.Lexicon;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.SourceScoresTable;
import org.framescope.schema.TermHitsTable;
import org.framescope.scoring.ScoringOptions;
import org.framescope.sentiment.ValenceLexicon;

/**
 * What the pipeline commands share: options and lexicon checked before Spark starts, one
 * session, the output folder opened for staging, the tables published with run.json last, and
 * staging removed when anything fails.
 */
final class StageRunner {
  private StageRunner() {}

  /** The seconds between two {@link System#nanoTime()} readings, to the hundredth, for run.json. */
  static double seconds(long fromNanos, long toNanos) {
    return Math.round((toNanos - fromNanos) / 1e7) / 100.0;
  }

  /**
   * Runs ingest when {@code ingest} is given, then features when {@code features} is given, then
   * scoring when {@code scoring} is given. A stage run without the ones before it reads their
   * tables from the earlier output in {@code output}.
   */
  static int run(String command, String master, IngestOptions ingest, FeaturesOptions features,
      ScoringCliOptions scoring, String lexiconForScoring, String output, boolean overwrite,
      PrintStream console) {
    IngestOptions.Checked checked = ingest == null ? null : ingest.check();
    ScoringOptions scoringOptions = scoring == null ? null : scoring.check();
    Configuration localConf = new Configuration();
    Lexicon lexicon = null;
    ValenceLexicon valence = null;
    if (features != null) {
      features.check();
      if (LexiconFiles.isBuiltin(features.lexicon) || isLocal(features.lexicon)) {
        lexicon = LexiconFiles.read(localConf, features.lexicon);
      }
      if (LexiconFiles.isBuiltin(features.valenceLexicon) || isLocal(features.valenceLexicon)) {
        valence = LexiconFiles.readValence(localConf, features.valenceLexicon);
      }
    }
    if (ingest != null && isLocal(ingest.input)) {
      InputPaths.resolve(localConf, ingest.input, checked.format());
    }
    String earlierTable = ingest != null ? null
        : features != null ? ArticlesTable.NAME : TermHitsTable.NAME;
    if (isLocal(output)) {
      OutputFolder.check(localConf, output, overwrite);
      if (earlierTable != null) {
        requireEarlierOutput(localConf, output, earlierTable);
      }
    }
    if (features == null && scoring != null && isLocal(output)) {
      lexicon = lexiconOfEarlierRun(localConf, output, lexiconForScoring);
    }

    SparkSession spark = Sessions.start(command, master);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    if (features != null && lexicon == null) {
      lexicon = LexiconFiles.read(conf, features.lexicon);
    }
    if (features != null && valence == null) {
      valence = LexiconFiles.readValence(conf, features.valenceLexicon);
    }
    if (earlierTable != null) {
      requireEarlierOutput(conf, output, earlierTable);
    }
    if (features == null && scoring != null && lexicon == null) {
      lexicon = lexiconOfEarlierRun(conf, output, lexiconForScoring);
    }
    InputFormat format = ingest == null ? null
        : InputPaths.resolve(conf, ingest.input, checked.format());
    OutputFolder out = OutputFolder.open(conf, output, overwrite);
    try {
      RunManifest manifest = ingest == null ? RunManifest.parse(out.readRunJson())
          : RunManifest.empty();
      Lexicon lexiconUsed = lexicon;
      manifest.put("command", command);
      manifest.put("started_at", Instant.now().toString());
      manifest.put("output", out.root());
      manifest.put("versions", Versions.all());
      manifest.put("spark_master", spark.sparkContext().master());
      Map<String, Object> options = manifest.section("options");
      List<String> tables = new ArrayList<>();
      IngestStage.Summary summary = null;
      if (ingest != null) {
        manifest.put("input", ingest.input);
        manifest.put("input_format", format.cliName());
        options.putAll(ingest.asMap());
        summary = IngestStage.run(spark, ingest, checked, format, out, manifest);
        tables.addAll(IngestStage.TABLES);
      }
      if (features != null) {
        options.putAll(features.asMap());
        String articles = ingest != null ? out.staged(ArticlesTable.NAME)
            : out.table(ArticlesTable.NAME);
        FeaturesStage.run(spark, articles, lexicon, valence, features, out, manifest);
        tables.addAll(FeaturesStage.TABLES);
      }
      if (scoring != null) {
        options.putAll(scoring.asMap());
        List<String> staged = new ArrayList<>(tables);
        ScoreStage.run(spark, t -> staged.contains(t) ? out.staged(t) : out.table(t),
            lexiconUsed, scoringOptions, out, manifest);
        tables.addAll(ScoreStage.TABLES);
      }
      @SuppressWarnings("unchecked")
      List<String> published = manifest.get("tables") instanceof List<?> l
          ? new ArrayList<>((List<String>) l) : new ArrayList<>();
      if (ingest != null) {
        published.clear();
      }
      for (String t : tables) {
        if (!published.contains(t)) {
          published.add(t);
        }
      }
      manifest.put("tables", published);
      manifest.put("finished_at", Instant.now().toString());
      // A stage run anew makes the tables of the stages after it, from an earlier run, stale:
      // those go too (they are framescope's own).
      List<String> stale = new ArrayList<>();
      if (ingest != null || features != null) {
        stale.addAll(ScoreStage.TABLES);
      }
      if (ingest != null) {
        stale.addAll(FeaturesStage.TABLES);
      }
      stale.removeAll(tables);
      published.removeAll(stale);
      out.publish(tables, stale, manifest.toJson());
      if (summary != null) {
        printSummary(console, summary);
      }
      if (features != null) {
        console.printf("framescope features: %s term hits %s (lexicon %s)%n",
            manifest.get("term_hits"), manifest.get("term_hits_by_voice"), lexicon.name());
        console.printf("framescope sentiment: %s sentence parts scored, %s actor mentions%n",
            manifest.get("sentence_parts_scored"), manifest.get("actor_mentions"));
      }
      if (scoring != null) {
        ScoreStage.printTable(spark, out.table(SourceScoresTable.NAME), console);
      }
      console.printf("output: %s%n", out.root());
      return 0;
    } catch (RuntimeException e) {
      out.discardStaging();
      throw e;
    }
  }

  private static void requireEarlierOutput(Configuration conf, String output, String table) {
    if (!OutputFolder.hasTable(conf, output, table)) {
      throw new IllegalArgumentException("no complete framescope output with a " + table
          + " table in " + output + ": run '"
          + (table.equals(ArticlesTable.NAME) ? "ingest" : "features") + "' (or 'run') first");
    }
  }

  /**
   * The lexicon the earlier run's features were found with: {@code given}, or the one its
   * run.json names. Scoring with another lexicon than the hits were found with would misread
   * them, so the content hash must match.
   */
  private static Lexicon lexiconOfEarlierRun(Configuration conf, String output, String given) {
    RunManifest earlier = RunManifest.parse(OutputFolder.readRunJson(conf, output));
    @SuppressWarnings("unchecked")
    Map<String, Object> recorded = earlier.get("lexicon") instanceof Map<?, ?> m
        ? (Map<String, Object>) m : Map.of();
    String spec = given != null ? given : (String) recorded.get("origin");
    if (spec == null) {
      throw new IllegalArgumentException("the output in " + output + " records no lexicon: "
          + "pass --lexicon");
    }
    Lexicon lexicon = LexiconFiles.read(conf, spec);
    if (recorded.get("sha256") != null && !recorded.get("sha256").equals(lexicon.sha256())) {
      throw new IllegalArgumentException("lexicon " + spec + " is not the one the term hits in "
          + output + " were found with (" + recorded.get("origin") + "): run 'features' again "
          + "with it, or score with that one");
    }
    return lexicon;
  }

  static void printSummary(PrintStream console, IngestStage.Summary s) {
    long rejected = s.rejectedByReason().values().stream().mapToLong(Long::longValue).sum();
    console.printf("framescope ingest: %d records read, %d accepted, %d rejected, %d duplicates%n",
        s.recordsRead(), s.recordsRead() - rejected, rejected, s.duplicates());
    for (Map.Entry<String, Long> e : s.rejectedByReason().entrySet()) {
      console.printf("  rejected %-24s %8d%n", e.getKey(), e.getValue());
    }
    console.printf("  %-32s %8s %10s%n", "source", "articles", "duplicates");
    for (Map.Entry<String, long[]> e : s.perSource().entrySet()) {
      console.printf("  %-32s %8d %10d%n", e.getKey(), e.getValue()[0], e.getValue()[1]);
    }
  }

  private static boolean isLocal(String path) {
    return !path.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || path.startsWith("file:");
  }
}
