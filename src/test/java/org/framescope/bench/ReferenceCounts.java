package org.framescope.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.framescope.lexicon.Entry;
import org.framescope.lexicon.Lexicon;
import org.framescope.lexicon.TermMatcher;
import org.framescope.text.Token;
import org.framescope.text.Tokenizer;

/**
 * The benchmark's two reference points, each computing what the features stage yields summed
 * per source — the hits of every lexicon entry and the word count — from the same articles table:
 * DuckDB with one SQL query, and "the limit", a plain single-pass Java loop, one thread per core.
 *
 * <p>Both ignore the lexicon's context exclusions (not_after / not_before), which the generated
 * corpus never triggers, and DuckDB's regular expressions draw word boundaries the ASCII way:
 * they are references on the generated corpus, not general-purpose replacements.
 */
final class ReferenceCounts {
  /** Counts per source: entry text to hits, and the word count under {@link #TOKENS}. */
  static final String TOKENS = "\u0000tokens";

  private ReferenceCounts() {}

  /** The regular expression of one entry, on lower-cased text. */
  static String regex(Entry e) {
    String text = e.text().toLowerCase(Locale.ROOT);
    StringBuilder b = new StringBuilder();
    for (String part : text.split("\\s+")) {
      if (b.length() > 0) {
        b.append(' ');
      }
      boolean prefix = part.endsWith("*");
      String word = prefix ? part.substring(0, part.length() - 1) : part;
      b.append(Pattern.quote(word).replace("\\Q", "").replace("\\E", "")
          .replaceAll("([.\\-'()])", "\\\\$1"));
      if (prefix) {
        b.append("[\\p{L}\\p{N}]*");
      }
    }
    return "\\b" + b + "\\b";
  }

  /** Entries longest first: the order a leftmost-first alternation needs for longest match. */
  static List<Entry> ordered(Lexicon lexicon) {
    List<Entry> entries = new ArrayList<>(lexicon.termEntries());
    entries.sort(Comparator.<Entry>comparingInt(e -> -e.tokens().length)
        .thenComparingInt(e -> -e.text().length()));
    return entries;
  }

  static Map<String, Map<String, Long>> duckdb(Path articles, Lexicon lexicon, int threads)
      throws SQLException {
    List<Entry> entries = ordered(lexicon);
    String alternation = String.join("|", entries.stream().map(ReferenceCounts::regex).toList());
    String words = "[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*";
    String sql = "WITH a AS (SELECT source, lower(coalesce(title, '') || chr(10) || text) AS t "
        + "FROM read_parquet('" + articles.resolve("*.parquet") + "')), "
        + "m AS (SELECT source, unnest(regexp_extract_all(t, '" + alternation.replace("'", "''")
        + "')) AS hit FROM a) "
        + "SELECT source, hit, count(*) FROM m GROUP BY ALL "
        + "UNION ALL SELECT source, NULL, sum(len(regexp_extract_all(t, '"
        + words.replace("'", "''") + "'))) FROM a GROUP BY source";
    Map<String, Map<String, Long>> out = new HashMap<>();
    List<Pattern> patterns = entries.stream().map(e -> Pattern.compile(regex(e))).toList();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
         Statement s = c.createStatement()) {
      s.execute("SET threads = " + threads);
      try (ResultSet r = s.executeQuery(sql)) {
        while (r.next()) {
          String source = r.getString(1);
          String hit = r.getString(2);
          long n = r.getLong(3);
          String key = TOKENS;
          if (hit != null) {
            key = null;
            for (int i = 0; i < patterns.size(); i++) {
              if (patterns.get(i).matcher(hit).matches()) {
                key = entries.get(i).text();
                break;
              }
            }
          }
          out.computeIfAbsent(source, k -> new HashMap<>()).merge(key, n, Long::sum);
        }
      }
    }
    return out;
  }

  /** The limit: each thread reads whole Parquet files, tokenizes and counts into a hash map. */
  static Map<String, Map<String, Long>> limit(Path articles, Lexicon lexicon, int threads)
      throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(articles)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
    TermMatcher matcher = new TermMatcher(lexicon.termEntries());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Map<String, Map<String, Long>>>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int me = t;
        parts.add(pool.submit(() -> {
          Map<String, Map<String, Long>> counts = new HashMap<>();
          for (int f = me; f < files.size(); f += threads) {
            count(files.get(f), matcher, counts);
          }
          return counts;
        }));
      }
      Map<String, Map<String, Long>> total = new HashMap<>();
      for (Future<Map<String, Map<String, Long>>> p : parts) {
        p.get().forEach((source, m) -> m.forEach((k, v) ->
            total.computeIfAbsent(source, x -> new HashMap<>()).merge(k, v, Long::sum)));
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void count(Path file, TermMatcher matcher,
      Map<String, Map<String, Long>> counts) throws IOException {
    try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
        new org.apache.hadoop.fs.Path(file.toString())).withConf(new Configuration()).build()) {
      Group g;
      while ((g = reader.read()) != null) {
        String source = g.getString("source", 0);
        Map<String, Long> m = counts.computeIfAbsent(source, k -> new HashMap<>());
        if (g.getFieldRepetitionCount("title") > 0) {
          add(Tokenizer.tokenize(g.getString("title", 0)), matcher, m);
        }
        add(Tokenizer.tokenize(g.getString("text", 0)), matcher, m);
      }
    }
  }

  private static void add(List<Token> tokens, TermMatcher matcher, Map<String, Long> m) {
    long words = 0;
    for (Token t : tokens) {
      if (t.isWord()) {
        words++;
      }
    }
    m.merge(TOKENS, words, Long::sum);
    for (TermMatcher.Match match : matcher.match(tokens)) {
      m.merge(match.entry().text(), 1L, Long::sum);
    }
  }
}
