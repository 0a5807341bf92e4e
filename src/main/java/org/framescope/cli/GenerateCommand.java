package org.framescope.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.generate.CorpusGenerator;
import org.framescope.io.GeneratedCorpus;
import org.framescope.io.LexiconFiles;
import org.framescope.io.RunManifest;
import org.framescope.lexicon.Lexicon;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code framescope generate}: a synthetic corpus with planted framing rates. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Write a synthetic corpus whose sources prefer each pole at known rates, with "
        + "the planted rates in _planted.json beside it.")
final class GenerateCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(names = "--articles", paramLabel = "N", required = true, description = "Records.")
  long articles;

  @Option(names = "--sources", paramLabel = "K", defaultValue = "10",
      description = "Sources (default: ${DEFAULT-VALUE}).")
  int sources;

  @Option(names = "--output", paramLabel = "PATH", required = true,
      description = "Folder to write (JSON lines part files, or Parquet).")
  String output;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed: the same seed gives the same corpus (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--format", paramLabel = "F", defaultValue = "jsonl",
      description = "jsonl or parquet (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--lexicon", paramLabel = "LEXICON", defaultValue = "syria",
      description = "Lexicon whose axes and frames are planted (default: ${DEFAULT-VALUE}).")
  String lexicon;

  @Option(names = "--event-rate", paramLabel = "X",
      description = "Share of (3-day window, rank) slots with an event several outlets report "
          + "in their own words (default: ${DEFAULT-VALUE}).")
  double eventRate = CorpusGenerator.Events.defaults().rate();

  @Option(names = "--event-coverage", paramLabel = "X",
      description = "The chance that an outlet reports an event (default: ${DEFAULT-VALUE}).")
  double eventCoverage = CorpusGenerator.Events.defaults().coverage();

  @Option(names = "--violent-only-source", paramLabel = "K",
      description = "Plant a coverage difference: source number K (from 0) reports only the "
          + "violent events.")
  int violentOnlySource = -1;

  @Option(names = "--overwrite", description = "Replace an existing corpus folder.")
  boolean overwrite;

  static final StructType RECORD = new StructType()
      .add("article_id", DataTypes.StringType)
      .add("source", DataTypes.StringType)
      .add("published", DataTypes.StringType)
      .add("title", DataTypes.StringType)
      .add("text", DataTypes.StringType);

  @Override
  public Integer call() {
    if (articles < 1 || sources < 1) {
      throw new IllegalArgumentException("--articles and --sources must be at least 1");
    }
    if (!format.equals("jsonl") && !format.equals("parquet")) {
      throw new IllegalArgumentException("--format '" + format + "': expected jsonl or parquet");
    }
    Configuration local = new Configuration();
    Lexicon lex = LexiconFiles.read(local, lexicon);
    GeneratedCorpus.check(local, output, overwrite);
    boolean jsonl = format.equals("jsonl");
    CorpusGenerator generator = new CorpusGenerator(seed, sources, lex, jsonl,
        new CorpusGenerator.Events(eventRate, eventCoverage, violentOnlySource));

    SparkSession spark = Sessions.start("generate", main.master);
    Dataset<Long> ids = spark.range(0, articles).as(Encoders.LONG());
    GeneratedCorpus out = GeneratedCorpus.open(spark.sparkContext().hadoopConfiguration(), output,
        overwrite);
    if (jsonl) {
      ids.mapPartitions(jsonLines(generator), Encoders.STRING()).write().text(out.staging());
    } else {
      ids.map(rows(generator), Encoders.row(RECORD)).write().parquet(out.staging());
    }
    out.publish(jsonl ? ".jsonl" : ".parquet", plantedJson(generator, lex));
    System.out.printf("framescope generate: %d records, %d sources, seed %d -> %s%n", articles,
        sources, seed, output);
    return 0;
  }

  /** Each article as a JSON line; a malformed record is its line cut in half. */
  static MapPartitionsFunction<Long, String> jsonLines(CorpusGenerator generator) {
    return it -> {
      com.fasterxml.jackson.databind.ObjectMapper json =
          new com.fasterxml.jackson.databind.ObjectMapper();
      return new java.util.Iterator<String>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public String next() {
          long i = it.next();
          try {
            String line = json.writeValueAsString(generator.article(i));
            return generator.kind(i) == CorpusGenerator.Kind.MALFORMED
                ? line.substring(0, line.length() / 2) : line;
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
          }
        }
      };
    };
  }

  static MapFunction<Long, Row> rows(CorpusGenerator generator) {
    return i -> {
      Map<String, String> m = generator.article(i);
      return RowFactory.create(m.get("article_id"), m.get("source"), m.get("published"),
          m.get("title"), m.get("text"));
    };
  }

  /** The planted rates, and how many records of each kind were written. */
  private String plantedJson(CorpusGenerator g, Lexicon lex) {
    CorpusGenerator.Planted p = g.planted();
    int k = p.sources().size();
    Map<CorpusGenerator.Kind, Long> kinds = new EnumMap<>(CorpusGenerator.Kind.class);
    long detectable = 0;
    long[] own = new long[k];
    long[] wire = new long[k];
    long[] violent = new long[k];
    long[] calm = new long[k];
    java.util.Map<Long, Integer> eventSizes = new java.util.HashMap<>();
    for (long i = 0; i < articles; i++) {
      CorpusGenerator.Kind kind = g.kind(i);
      kinds.merge(kind, 1L, Long::sum);
      detectable += g.isDetectableCopy(i) ? 1 : 0;
      if (kind == CorpusGenerator.Kind.WIRE) {
        wire[(int) (i % k)]++;
      } else if (kind == CorpusGenerator.Kind.EVENT) {
        long event = g.eventOf(i);
        (g.isViolent(event) ? violent : calm)[(int) (i % k)]++;
        eventSizes.merge(event, 1, Integer::sum);
      } else if (kind == CorpusGenerator.Kind.ARTICLE || kind == CorpusGenerator.Kind.BAD_DATE) {
        own[(int) (i % k)]++;
      }
    }
    RunManifest m = RunManifest.empty();
    m.put("seed", seed);
    m.put("articles", articles);
    m.put("sources", p.sources());
    m.put("lexicon", Map.of("name", lex.name(), "sha256", lex.sha256()));
    Map<String, Object> axes = new LinkedHashMap<>();
    for (int x = 0; x < p.axes().size(); x++) {
      Map<String, Object> shares = new LinkedHashMap<>();
      Map<String, Object> expected = new LinkedHashMap<>();
      for (int s = 0; s < k; s++) {
        shares.put(p.sources().get(s), p.outletShareA()[x][s]);
        expected.put(p.sources().get(s), g.expectedOutletShareA(x, s, own[s], wire[s],
            violent[s], calm[s]));
      }
      axes.put(p.axes().get(x), Map.of("pole_a", p.poleA().get(x), "pole_b", p.poleB().get(x),
          "outlet_share_a", shares, "expected_outlet_share_a", expected,
          "quoted_share_a", CorpusGenerator.QUOTED_SHARE_A,
          "wire_share_a", CorpusGenerator.WIRE_SHARE_A));
    }
    m.put("axes", axes);
    Map<String, Object> frames = new LinkedHashMap<>();
    for (int f = 0; f < p.frames().size(); f++) {
      Map<String, Object> rates = new LinkedHashMap<>();
      for (int s = 0; s < k; s++) {
        rates.put(p.sources().get(s), p.frameRate()[f][s]);
      }
      frames.put(p.frames().get(f), Map.of("sentence_rate", rates));
    }
    m.put("frames", frames);
    Map<String, Object> quote = new LinkedHashMap<>();
    Map<String, Object> report = new LinkedHashMap<>();
    Map<String, Object> carried = new LinkedHashMap<>();
    for (int s = 0; s < k; s++) {
      quote.put(p.sources().get(s), p.quoteRate()[s]);
      report.put(p.sources().get(s), p.reportRate()[s]);
      carried.put(p.sources().get(s), wire[s]);
    }
    m.put("quote_rate", quote);
    m.put("report_rate", report);
    m.put("wire_articles", carried);
    m.put("events", Map.of("rate", eventRate, "coverage", eventCoverage,
        "violent_only_source", violentOnlySource,
        "reported_by_two_or_more", eventSizes.values().stream().filter(n -> n >= 2).count(),
        "articles", eventSizes.values().stream().mapToLong(Integer::longValue).sum()));
    Map<String, Object> counts = new LinkedHashMap<>();
    for (CorpusGenerator.Kind kind : CorpusGenerator.Kind.values()) {
      counts.put(kind.name().toLowerCase(java.util.Locale.ROOT), kinds.getOrDefault(kind, 0L));
    }
    m.put("records", counts);
    // Copies of a record that ingest rejects have no original left to be a copy of.
    m.put("duplicates_expected", detectable);
    m.put("rejects_expected", kinds.getOrDefault(CorpusGenerator.Kind.MISSING_TEXT, 0L)
        + kinds.getOrDefault(CorpusGenerator.Kind.MISSING_SOURCE, 0L)
        + kinds.getOrDefault(CorpusGenerator.Kind.MALFORMED, 0L));
    return m.toJson();
  }
}
