package org.framescope.cli;

import java.util.ArrayList;
import java.util.List;
import org.framescope.corpus.Boilerplate;
import org.framescope.corpus.DedupScope;
import org.framescope.corpus.Duplicates;
import org.framescope.corpus.FieldMapping;
import org.framescope.corpus.InputFormat;
import org.framescope.pipeline.IngestSettings;
import picocli.CommandLine.Option;

/**
 * The options of the ingest stage, shared by {@code ingest} and {@code run}. Their defaults are
 * {@link IngestSettings#defaults}'s (picocli shows a field's initial value as its default).
 */
final class IngestOptions {
  private static final IngestSettings D = IngestSettings.defaults(null);

  @Option(names = "--input", paramLabel = "PATH",
      defaultValue = "${env:FRAMESCOPE_HOME:-.}/data/sample",
      description = "Corpus to read: a file, folder or glob on any Hadoop file system "
          + "(default: the sample corpus, ${DEFAULT-VALUE}).")
  String input;

  @Option(names = "--output", paramLabel = "DIR", defaultValue = "${env:FRAMESCOPE_HOME:-.}/out",
      description = "Output folder, one sub-folder per table (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "jsonl, csv, parquet or text (a folder of .txt files with a manifest.csv); "
          + "inferred from the path when absent.")
  String format;

  @Option(names = "--map", paramLabel = "FIELD=COLUMN",
      description = "Read a canonical field (article_id, source, published, title, text, url, "
          + "language) from another column, e.g. --map text=content. Repeatable.")
  List<String> map = new ArrayList<>();

  @Option(names = "--dedup", paramLabel = "SCOPE",
      description = "Where to look for duplicates: within-source, global or off "
          + "(default: ${DEFAULT-VALUE}).")
  String dedup = D.dedup().scope().cliName();

  @Option(names = "--near-dup-containment", paramLabel = "X",
      description = "Share of the shorter text's 5-word shingles that must lie in the longer "
          + "one for a near duplicate (default: ${DEFAULT-VALUE}).")
  double nearDupContainment = D.dedup().minContainment();

  @Option(names = "--near-dup-min-jaccard", paramLabel = "X",
      description = "Least Jaccard similarity of shingle sets for a pair to be checked as a "
          + "near duplicate (default: ${DEFAULT-VALUE}).")
  double nearDupMinJaccard = D.dedup().minJaccard();

  @Option(names = "--boilerplate-min-articles", paramLabel = "N",
      description = "A line recurring in at least this many articles of a source ... "
          + "(default: ${DEFAULT-VALUE})")
  long boilerplateMinArticles = D.boilerplate().minArticles();

  @Option(names = "--boilerplate-min-share", paramLabel = "X",
      description = "... and in at least this share of them is page furniture "
          + "(default: ${DEFAULT-VALUE}).")
  double boilerplateMinShare = D.boilerplate().minShare();

  @Option(names = "--on-unreadable-file", paramLabel = "ACTION",
      description = "fail: an input file that cannot be read (corrupt, truncated, no "
          + "permission) stops the job, naming it; skip: the job goes on without it and it is a "
          + "row in rejects (default: ${DEFAULT-VALUE}).")
  String onUnreadableFile = D.onUnreadableFile().cliName();

  @Option(names = "--overwrite",
      description = "Write into a non-empty folder that is not a framescope output (only "
          + "framescope's tables there are replaced; nothing else is deleted).")
  boolean overwrite;

  /** The checked settings; throws naming the option when one is bad. */
  IngestSettings settings() {
    return new IngestSettings(input, format == null ? null : InputFormat.parse(format),
        FieldMapping.parse(map),
        new Duplicates.Options(DedupScope.parse(dedup), nearDupMinJaccard, nearDupContainment),
        new Boilerplate.Options(boilerplateMinArticles, boilerplateMinShare),
        IngestSettings.OnUnreadable.parse(onUnreadableFile));
  }
}
