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
import org.framescope.io.OutputFolder;
import org.framescope.io.RunManifest;

/**
 * What every command shares: options checked before Spark starts, one session, the output
 * folder opened for staging, the tables published with run.json last, and staging removed when
 * anything fails.
 */
final class StageRunner {
  private StageRunner() {}

  /** Runs ingest (and, for {@code run}, the stages after it) and publishes the result. */
  static int ingestAndPublish(String command, String master, IngestOptions options,
      PrintStream console) {
    IngestOptions.Checked checked = options.check();
    Configuration localConf = new Configuration();
    if (isLocal(options.input)) {
      InputPaths.resolve(localConf, options.input, checked.format());
    }
    if (isLocal(options.output)) {
      OutputFolder.check(localConf, options.output, options.overwrite);
    }

    SparkSession spark = Sessions.start(command, master);
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    InputFormat format = InputPaths.resolve(conf, options.input, checked.format());
    OutputFolder out = OutputFolder.open(conf, options.output, options.overwrite);
    try {
      RunManifest manifest = RunManifest.empty();
      manifest.put("command", command);
      manifest.put("started_at", Instant.now().toString());
      manifest.put("input", options.input);
      manifest.put("input_format", format.cliName());
      manifest.put("output", out.root());
      manifest.put("options", options.asMap());
      manifest.put("versions", Versions.all());
      manifest.put("spark_master", spark.sparkContext().master());

      IngestStage.Summary summary =
          IngestStage.run(spark, options, checked, format, out, manifest);
      List<String> tables = new ArrayList<>(IngestStage.TABLES);

      manifest.put("tables", tables);
      manifest.put("finished_at", Instant.now().toString());
      out.publish(tables, manifest.toJson());
      printSummary(console, summary, out.root());
      return 0;
    } catch (RuntimeException e) {
      out.discardStaging();
      throw e;
    }
  }

  static void printSummary(PrintStream console, IngestStage.Summary s, String output) {
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
    console.printf("output: %s%n", output);
  }

  private static boolean isLocal(String path) {
    return !path.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || path.startsWith("file:");
  }
}
