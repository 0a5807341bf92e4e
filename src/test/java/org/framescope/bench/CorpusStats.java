package org.framescope.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.framescope.text.Token;
import org.framescope.text.Tokenizer;
import org.framescope.text.Voice;
import org.framescope.text.VoicedText;

/**
 * {@code jobs/corpus-stats OUTPUT_DIR}: how a corpus's text is made, read from the {@code
 * articles} table of an output, originals only, with framescope's own tokens: the words per
 * article (10th, 50th, 90th, 99th percentile, the longest and the mean), the word types seen
 * after 1,000, 10,000, ... words (the type/token growth), and the shares of words quoted and of
 * sentences with a reporting verb. What the README's comparison of the sample and the generated
 * text is made of.
 */
public final class CorpusStats {
  private static final Set<String> REPORTING = Set.of("said", "says", "told", "according",
      "added", "warned", "argued", "claimed", "stated", "insisted", "denied", "announced");

  private CorpusStats() {}

  public static void main(String[] args) throws Exception {
    Path articles = Path.of(args[0]).resolve("articles");
    List<Path> files;
    try (Stream<Path> s = Files.list(articles)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
    List<Integer> lengths = new ArrayList<>();
    Set<String> types = new HashSet<>();
    List<String> growth = new ArrayList<>();
    long words = 0;
    long quoted = 0;
    long sentences = 0;
    long reporting = 0;
    long next = 1000;
    for (Path f : files) {
      try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
          new org.apache.hadoop.fs.Path(f.toString())).withConf(new Configuration()).build()) {
        Group g;
        while ((g = reader.read()) != null) {
          if (g.getFieldRepetitionCount("is_duplicate") > 0 && g.getBoolean("is_duplicate", 0)) {
            continue;
          }
          String title = g.getFieldRepetitionCount("title") > 0 ? g.getString("title", 0) : null;
          VoicedText text = VoicedText.of(title, g.getString("text", 0));
          int n = 0;
          for (VoicedText.Sentence s : text.sentences()) {
            boolean cue = false;
            List<Token> tokens = s.tokens();
            for (int i = 0; i < tokens.size(); i++) {
              Token t = tokens.get(i);
              if (!t.isWord()) {
                continue;
              }
              n++;
              words++;
              types.add(t.norm());
              quoted += s.voices()[i] == Voice.QUOTED ? 1 : 0;
              cue |= REPORTING.contains(t.norm());
              if (words == next) {
                growth.add(String.format("%,d words: %,d types", words, types.size()));
                next *= 10;
              }
            }
            if (!s.isHeadline()) {
              sentences++;
              reporting += cue ? 1 : 0;
            }
          }
          lengths.add(n);
        }
      }
    }
    Collections.sort(lengths);
    int k = lengths.size();
    System.out.printf("%,d original articles, %,d words, %,d types%n", k, words, types.size());
    System.out.printf("words per article: p10 %d, p50 %d, p90 %d, p99 %d, longest %d, mean %.0f%n",
        lengths.get(k / 10), lengths.get(k / 2), lengths.get(k * 9 / 10), lengths.get(k * 99 / 100),
        lengths.get(k - 1), words / (double) k);
    growth.forEach(System.out::println);
    System.out.printf("words quoted: %.1f%%; sentences with a reporting verb: %.1f%%%n",
        100.0 * quoted / words, 100.0 * reporting / sentences);
  }
}
