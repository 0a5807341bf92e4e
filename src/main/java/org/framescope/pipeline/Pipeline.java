package org.framescope.pipeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.framescope.corpus.InputFormat;
import org.framescope.io.InputPaths;
import org.framescope.io.LexiconFiles;
import org.framescope.io.OutputFolder;
import org.framescope.io.RunManifest;
import org.framescope.lexicon.Lexicon;
import org.framescope.report.Report;
import org.framescope.report.ReportOptions;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.TermCountsTable;
import org.framescope.scoring.ScoringOptions;
import org.framescope.sentiment.ValenceLexicon;

/**
 * The stages as one pipeline: ingest, then the analysis pass, then scoring, each reading the
 * tables of the one before (staged in the same run, or published by an earlier one). {@link
 * #check} does everything that can fail on a bad option, lexicon or path before Spark starts;
 * {@link #run} opens the output for staging, runs the planned stages, publishes their tables with
 * run.json last, and removes the staging area when anything fails.
 */
public final class Pipeline {
  private Pipeline() {}

  /** The stages, in the order they run. */
  public enum Stage { INGEST, ANALYSE, SCORE }

  /**
   * What to run. Built by the factories, one per command: a stage runs when its settings are
   * there; a stage run without the ones before it reads their tables from the earlier output.
   *
   * @param scoreLexicon for {@code score} alone: the lexicon the hits were found with, or null
   *     for the one the earlier run.json names
   * @param report what the run's {@value Report#FILE} shows, or null to write none (an earlier
   *     one is then removed: it would describe other tables)
   */
  public record Plan(String command, IngestSettings ingest, AnalysisSettings analysis,
      ScoringOptions score, String scoreLexicon, String output, boolean overwrite,
      ReportOptions report) {

    public static Plan run(IngestSettings ingest, AnalysisSettings analysis,
        ScoringOptions score, String output, boolean overwrite) {
      return new Plan("run", ingest, analysis, score, null, output, overwrite, null);
    }

    public static Plan ingest(IngestSettings ingest, String output, boolean overwrite) {
      return new Plan("ingest", ingest, null, null, null, output, overwrite, null);
    }

    public static Plan features(AnalysisSettings analysis, String output) {
      return new Plan("features", null, analysis, null, null, output, false, null);
    }

    public static Plan score(ScoringOptions score, String lexicon, String output) {
      return new Plan("score", null, null, score, lexicon, output, false, null);
    }

    /** This plan, writing a report with {@code options} (null: none). */
    public Plan withReport(ReportOptions options) {
      return new Plan(command, ingest, analysis, score, scoreLexicon, output, overwrite,
          options);
    }

    public boolean runs(Stage stage) {
      return switch (stage) {
        case INGEST -> ingest != null;
        case ANALYSE -> analysis != null;
        case SCORE -> score != null;
      };
    }

    /** The table of an earlier output this plan starts from, or null when it ingests. */
    String startsFrom() {
      return runs(Stage.INGEST) ? null : runs(Stage.ANALYSE) ? ArticlesTable.NAME
          : TermCountsTable.NAME;
    }
  }

  /** What the checks before Spark could already read: the lexicons, when on a local path. */
  public record Checked(Lexicon lexicon, ValenceLexicon valence) {}

  /** What a run did: each stage's result (null for a stage not run) and where it wrote. */
  public record Outcome(String output, Lexicon lexicon, IngestStage.Result ingest,
      AnalysisStage.Result analysis, ScoreStage.Result score) {}

  /**
   * Checks the plan before Spark starts: the lexicons, the input and the output folder when they
   * are on this machine (a cluster's file systems are checked again once Spark runs). Throws
   * {@link IllegalArgumentException} naming what is wrong.
   */
  public static Checked check(Plan plan) {
    Configuration local = new Configuration();
    Lexicon lexicon = null;
    ValenceLexicon valence = null;
    if (plan.runs(Stage.ANALYSE)) {
      if (readable(plan.analysis().lexicon())) {
        lexicon = LexiconFiles.read(local, plan.analysis().lexicon());
      }
      if (readable(plan.analysis().valenceLexicon())) {
        valence = LexiconFiles.readValence(local, plan.analysis().valenceLexicon());
      }
    }
    if (plan.runs(Stage.INGEST) && isLocal(plan.ingest().input())) {
      InputPaths.resolve(local, plan.ingest().input(), plan.ingest().format());
    }
    if (isLocal(plan.output())) {
      OutputFolder.check(local, plan.output(), plan.overwrite());
      // A publishing a crash interrupted is finished when the run opens the folder: the
      // earlier output is checked then.
      if (plan.startsFrom() != null && !OutputFolder.pendingPublish(local, plan.output())) {
        requireEarlierOutput(local, plan.output(), plan.startsFrom());
      }
      if (!plan.runs(Stage.ANALYSE) && plan.runs(Stage.SCORE)) {
        lexicon = lexiconOfEarlierRun(local, plan.output(), plan.scoreLexicon());
      }
    }
    return new Checked(lexicon, valence);
  }

  /** Runs the plan on {@code spark}; {@code checked} is what {@link #check} returned. */
  public static Outcome run(SparkSession spark, Plan plan, Checked checked) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    Lexicon lexicon = checked.lexicon();
    ValenceLexicon valence = checked.valence();
    if (plan.runs(Stage.ANALYSE)) {
      lexicon = lexicon != null ? lexicon : LexiconFiles.read(conf, plan.analysis().lexicon());
      valence = valence != null ? valence
          : LexiconFiles.readValence(conf, plan.analysis().valenceLexicon());
    }
    InputFormat format = plan.runs(Stage.INGEST)
        ? InputPaths.resolve(conf, plan.ingest().input(), plan.ingest().format()) : null;
    OutputFolder out = OutputFolder.open(conf, plan.output(), plan.overwrite());
    try {
      if (plan.startsFrom() != null) {
        requireEarlierOutput(conf, plan.output(), plan.startsFrom());
      }
      if (!plan.runs(Stage.ANALYSE) && plan.runs(Stage.SCORE) && lexicon == null) {
        lexicon = lexiconOfEarlierRun(conf, plan.output(), plan.scoreLexicon());
      }
      RunManifest manifest = plan.runs(Stage.INGEST) ? RunManifest.empty()
          : RunManifest.parse(out.readRunJson());
      manifest.put("command", plan.command());
      manifest.put("started_at", Instant.now().toString());
      manifest.put("output", out.root());
      manifest.put("versions", Versions.all());
      manifest.put("spark_master", spark.sparkContext().master());
      manifest.section("options").put("overwrite", plan.overwrite());
      List<String> tables = new ArrayList<>();
      IngestStage.Result ingest = null;
      AnalysisStage.Result analysis = null;
      ScoreStage.Result score = null;
      if (plan.runs(Stage.INGEST)) {
        manifest.options("ingest", plan.ingest());
        ingest = IngestStage.run(spark, plan.ingest(), format, out);
        manifest.record(ingest);
        tables.addAll(IngestStage.TABLES);
      }
      if (plan.runs(Stage.ANALYSE)) {
        manifest.options("analysis", plan.analysis());
        String articles = plan.runs(Stage.INGEST) ? out.staged(ArticlesTable.NAME)
            : out.table(ArticlesTable.NAME);
        analysis = AnalysisStage.run(spark, articles, lexicon, valence, plan.analysis(), out);
        manifest.record(analysis);
        tables.addAll(AnalysisStage.tables(plan.analysis()));
      }
      if (plan.runs(Stage.SCORE)) {
        manifest.options("score", plan.score());
        List<String> staged = new ArrayList<>(tables);
        // Scored within stories when this run found them, or (score alone) an earlier one did.
        boolean stories = plan.runs(Stage.ANALYSE) ? plan.analysis().stories() != null
            : manifest.get("tables") instanceof List<?> earlier
                && earlier.contains(AnalysisStage.STORY_TABLES.get(0));
        score = ScoreStage.run(spark, t -> staged.contains(t) ? out.staged(t) : out.table(t),
            lexicon, plan.score(), stories, out);
        manifest.record(score);
        tables.addAll(ScoreStage.tables(stories));
      }
      @SuppressWarnings("unchecked")
      List<String> published = !plan.runs(Stage.INGEST) && manifest.get("tables") instanceof List<?> l
          ? new ArrayList<>((List<String>) l) : new ArrayList<>();
      for (String t : tables) {
        if (!published.contains(t)) {
          published.add(t);
        }
      }
      // A stage run anew makes the tables of the stages after it, from an earlier run, stale:
      // those go too (they are framescope's own).
      List<String> stale = new ArrayList<>();
      if (plan.runs(Stage.INGEST) || plan.runs(Stage.ANALYSE)) {
        stale.addAll(ScoreStage.tables(true));
        stale.addAll(AnalysisStage.STORY_TABLES);
      }
      if (plan.runs(Stage.INGEST)) {
        stale.addAll(AnalysisStage.TABLES);
      }
      stale.removeAll(tables);
      published.removeAll(stale);
      manifest.put("tables", published);
      List<String> moved = new ArrayList<>(tables);
      if (plan.report() != null) {
        writeReport(out, t -> tables.contains(t) ? out.staged(t) : out.table(t), published,
            manifest, plan.report(), spark);
        moved.add(Report.FILE);
      } else {
        stale.add(Report.FILE);
        manifest.asMap().remove("report");
        manifest.section("timings_seconds").remove("report");
      }
      manifest.put("finished_at", Instant.now().toString());
      out.publish(moved, stale, manifest.toJson());
      return new Outcome(out.root(), lexicon, ingest, analysis, score);
    } catch (RuntimeException e) {
      out.discardStaging();
      throw e;
    } finally {
      out.close();
    }
  }

  /**
   * The {@code report} command: renders {@value Report#FILE} from the complete output in {@code
   * dir} and publishes it there (under the folder's lock, through staging, so a crash leaves the
   * earlier report or the new one). Returns the report's location.
   */
  public static String report(SparkSession spark, String dir, ReportOptions options) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    if (OutputFolder.readRunJson(conf, dir) == null) {
      throw new IllegalArgumentException(OutputFolder.pendingPublish(conf, dir)
          ? "the output in " + dir + " is incomplete: a run stopped while publishing it; run "
              + "'framescope repair --output " + dir + "' to finish it"
          : "no complete framescope output in " + dir + " (no run.json): run 'run' first");
    }
    OutputFolder out = OutputFolder.open(conf, dir, false);
    try {
      RunManifest manifest = RunManifest.parse(out.readRunJson());
      List<String> tables = new ArrayList<>();
      if (manifest.get("tables") instanceof List<?> l) {
        l.forEach(t -> tables.add(String.valueOf(t)));
      }
      writeReport(out, out::table, tables, manifest, options, spark);
      out.publish(List.of(Report.FILE), List.of(), manifest.toJson());
      return out.root() + "/" + Report.FILE;
    } catch (RuntimeException e) {
      out.discardStaging();
      throw e;
    } finally {
      out.close();
    }
  }

  /**
   * Renders the report of the tables {@code path} locates into {@code out}'s staging area and
   * records it, with its time, in {@code manifest}.
   */
  private static void writeReport(OutputFolder out, Function<String, String> path,
      List<String> tables, RunManifest manifest, ReportOptions options, SparkSession spark) {
    Timings timings = new Timings();
    String html = Report.render(spark, path, Set.copyOf(tables), manifest.asMap(), options);
    out.writeStaged(Report.FILE, html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    timings.total("report");
    manifest.section("timings_seconds").putAll(timings.asMap());
    manifest.put("report", Report.FILE);
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

  /** Whether a lexicon can be read before Spark starts: built in, or on this machine. */
  private static boolean readable(String spec) {
    return LexiconFiles.isBuiltin(spec) || isLocal(spec);
  }

  private static boolean isLocal(String path) {
    return !path.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*") || path.startsWith("file:");
  }
}
