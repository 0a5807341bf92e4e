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
import org.framescope.sentiment.ValenceLexicon;

/**
 * What the pipeline commands share: options and lexicon checked before Spark starts, one
 * session, the output folder opened for staging, the tables published with run.json last, and
 * staging removed when anything fails.
 */
final class StageRunner {
  private StageRunner() {}

  /**
   * Runs ingest when {@code ingest} is given, then features when {@code features} is given. With
   * features alone, the articles come from the earlier output in {@code output}.
   */
  static int run(String command, String master, IngestOptions ingest, FeaturesOptions features,
      String output, boolean overwrite, PrintStream console) {
    IngestOptions.Checked checked = ingest == null ? null : ingest.check();
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
    if (isLocal(output)) {
      OutputFolder.check(localConf, output, overwrite);
      if (ingest == null) {
        requireEarlierOutput(localConf, output);
      }
    }

    SparkSession spark = Sessions.start(command, master);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    if (features != null && lexicon == null) {
      lexicon = LexiconFiles.read(conf, features.lexicon);
    }
    if (features != null && valence == null) {
      valence = LexiconFiles.readValence(conf, features.valenceLexicon);
    }
    if (ingest == null) {
      requireEarlierOutput(conf, output);
    }
    InputFormat format = ingest == null ? null
        : InputPaths.resolve(conf, ingest.input, checked.format());
    OutputFolder out = OutputFolder.open(conf, output, overwrite);
    try {
      RunManifest manifest = ingest == null ? RunManifest.parse(out.readRunJson())
          : RunManifest.empty();
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
      // A new ingest makes any later-stage table of an earlier run stale: those go too.
      List<String> stale = new ArrayList<>();
      if (ingest != null && features == null) {
        stale.addAll(FeaturesStage.TABLES);
      }
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
      console.printf("output: %s%n", out.root());
      return 0;
    } catch (RuntimeException e) {
      out.discardStaging();
      throw e;
    }
  }

  private static void requireEarlierOutput(Configuration conf, String output) {
    if (!OutputFolder.hasTable(conf, output, ArticlesTable.NAME)) {
      throw new IllegalArgumentException("no complete framescope output with an articles table "
          + "in " + output + ": run 'ingest' (or 'run') first");
    }
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
