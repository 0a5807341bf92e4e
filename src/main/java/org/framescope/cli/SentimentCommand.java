package org.framescope.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.framescope.io.LexiconFiles;
import org.framescope.io.TextFiles;
import org.framescope.sentiment.SentenceScorer;
import org.framescope.text.TextLayer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code framescope sentiment}: scores text directly, sentence by sentence, and shows how each
 * rule moved the score. No Spark: it answers at once.
 */
@Command(name = "sentiment", mixinStandardHelpOptions = true,
    description = "Score sentences with framescope's sentiment rules and show the rule "
        + "contributions.")
final class SentimentCommand implements Callable<Integer> {
  static final class Input {
    @Option(names = "--text", paramLabel = "TEXT", required = true,
        description = "Text to score; each sentence is scored on its own.")
    String text;

    @Option(names = "--input", paramLabel = "FILE", required = true,
        description = "A text file, one sentence a line.")
    String file;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  @Option(names = "--valence-lexicon", paramLabel = "LEXICON", defaultValue = "vader",
      description = "The built-in vader, or a file in its format (default: ${DEFAULT-VALUE}).")
  String valenceLexicon;

  @Override
  public Integer call() {
    Configuration conf = new Configuration();
    SentenceScorer scorer = new SentenceScorer(LexiconFiles.readValence(conf, valenceLexicon));
    PrintStream out = System.out;
    if (input.text != null) {
      TextLayer.Analysis a = TextLayer.analyze(input.text);
      for (int s = 0; s < a.sentences().size(); s++) {
        int[] span = a.sentences().get(s);
        print(out, input.text.substring(span[0], span[1]),
            scorer.score(input.text, a.tokens().get(s)));
      }
    } else {
      List<String> lines = TextFiles.readLines(conf, input.file);
      for (String line : lines) {
        if (!line.isBlank()) {
          print(out, line, scorer.score(line, org.framescope.text.Tokenizer.tokenize(line)));
        }
      }
    }
    return 0;
  }

  static void print(PrintStream out, String sentence, SentenceScorer.Score score) {
    out.printf("%+.4f  %s%n", score.compound(), sentence);
    for (SentenceScorer.Contribution c : score.contributions()) {
      out.printf("         %-24s %+.3f -> %+.3f%s%n", c.text(), c.valence(), c.score(),
          c.rules().isEmpty() ? "" : "  (" + String.join("; ", c.rules()) + ")");
    }
    if (score.punctuation() != 0) {
      out.printf("         %-24s %+.3f%n", "punctuation emphasis", score.punctuation());
    }
    if (!score.contributions().isEmpty()) {
      out.printf("         %-24s %+.3f -> compound %+.4f%n", "sum", score.sum(),
          score.compound());
    }
  }
}
