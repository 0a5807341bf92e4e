package org.framescope.cli;

import org.framescope.pipeline.AnalysisSettings;
import picocli.CommandLine.Option;

/**
 * The options of the analysis stage, shared by {@code features} and {@code run}. Their defaults
 * are {@link AnalysisSettings#defaults}'s.
 */
final class FeaturesOptions {
  private static final AnalysisSettings D = AnalysisSettings.defaults();

  @Option(names = "--lexicon", paramLabel = "LEXICON",
      description = "What to measure: a built-in lexicon (syria, immigration) or a YAML file on "
          + "any Hadoop file system (default: ${DEFAULT-VALUE}).")
  String lexicon = D.lexicon();

  @Option(names = "--valence-lexicon", paramLabel = "LEXICON",
      description = "Word valences for sentence sentiment: the built-in vader, or a file in its "
          + "format (entry TAB valence in [-4, 4], one a line) (default: ${DEFAULT-VALUE}).")
  String valenceLexicon = D.valenceLexicon();

  @Option(names = "--nlp", paramLabel = "LAYER",
      description = "Text layer for every measure: default (framescope's tokenizer and sentence "
          + "splitter) or spark-nlp (Spark NLP's SentenceDetector and Tokenizer) "
          + "(default: ${DEFAULT-VALUE}).")
  String nlp = D.textLayer().cliName();

  @Option(names = "--nlp-pipeline", paramLabel = "PATH",
      description = "With --nlp spark-nlp: a saved Spark NLP PipelineModel that reads 'text' and "
          + "writes 'sentence' and 'token' annotations, used instead of the built-in one.")
  String nlpPipeline;

  /** The checked settings; throws naming the option when one is bad. */
  AnalysisSettings settings() {
    return new AnalysisSettings(lexicon, valenceLexicon, AnalysisSettings.Layer.parse(nlp),
        nlpPipeline);
  }
}
