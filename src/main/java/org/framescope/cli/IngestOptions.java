package org.framescope.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.framescope.corpus.Boilerplate;
import org.framescope.corpus.DedupScope;
import org.framescope.corpus.Duplicates;
import org.framescope.corpus.FieldMapping;
import org.framescope.corpus.InputFormat;
import picocli.CommandLine.Option;

/** The options of the ingest stage, shared by {@code ingest} and {@code run}. */
final class IngestOptions {
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

  @Option(names = "--dedup", paramLabel = "SCOPE", defaultValue = "within-source",
      description = "Where to look for duplicates: within-source, global or off "
          + "(default: ${DEFAULT-VALUE}).")
  String dedup;

  @Option(names = "--near-dup-containment", paramLabel = "X", defaultValue = "0.8",
      description = "Share of the shorter text's 5-word shingles that must lie in the longer "
          + "one for a near duplicate (default: ${DEFAULT-VALUE}).")
  double nearDupContainment;

  @Option(names = "--near-dup-min-jaccard", paramLabel = "X", defaultValue = "0.1",
      description = "Least Jaccard similarity of shingle sets for a pair to be checked as a "
          + "near duplicate (default: ${DEFAULT-VALUE}).")
  double nearDupMinJaccard;

  @Option(names = "--boilerplate-min-articles", paramLabel = "N", defaultValue = "5",
      description = "A line recurring in at least this many articles of a source ... "
          + "(default: ${DEFAULT-VALUE})")
  long boilerplateMinArticles;

  @Option(names = "--boilerplate-min-share", paramLabel = "X", defaultValue = "0.2",
      description = "... and in at least this share of them is page furniture "
          + "(default: ${DEFAULT-VALUE}).")
  double boilerplateMinShare;

  @Option(names = "--overwrite",
      description = "Write into a non-empty folder that is not a framescope output (only "
          + "framescope's tables there are replaced; nothing else is deleted).")
  boolean overwrite;

  /** Parsed and checked forms of the options, before Spark starts. */
  record Checked(InputFormat format, FieldMapping mapping, Duplicates.Options dedup,
      Boilerplate.Options boilerplate) {}

  Checked check() {
    InputFormat f = format == null ? null : InputFormat.parse(format);
    FieldMapping mapping = FieldMapping.parse(map);
    DedupScope scope = DedupScope.parse(dedup);
    requireShare("--near-dup-containment", nearDupContainment);
    requireShare("--near-dup-min-jaccard", nearDupMinJaccard);
    requireShare("--boilerplate-min-share", boilerplateMinShare);
    if (boilerplateMinArticles < 2) {
      throw new IllegalArgumentException(
          "--boilerplate-min-articles must be at least 2, got " + boilerplateMinArticles);
    }
    return new Checked(f, mapping,
        new Duplicates.Options(scope, nearDupMinJaccard, nearDupContainment),
        new Boilerplate.Options(boilerplateMinArticles, boilerplateMinShare));
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", format);
    m.put("map", map);
    m.put("dedup", dedup);
    m.put("near_dup_containment", nearDupContainment);
    m.put("near_dup_min_jaccard", nearDupMinJaccard);
    m.put("boilerplate_min_articles", boilerplateMinArticles);
    m.put("boilerplate_min_share", boilerplateMinShare);
    m.put("overwrite", overwrite);
    return m;
  }

  private static void requireShare(String name, double v) {
    if (!(v > 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in (0, 1], got " + v);
    }
  }
}
