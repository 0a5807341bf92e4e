package org.framescope.cli;

import org.framescope.pipeline.AnalysisSettings;
import org.framescope.stories.Stories;
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

  @Option(names = "--no-stories", description = "Do not find stories (the same event reported "
      + "by several outlets) nor score within them.")
  boolean noStories;

  @Option(names = "--story-window", paramLabel = "DAYS",
      description = "The most days between a story's first and last article "
          + "(default: ${DEFAULT-VALUE}).")
  int storyWindow = D.stories().windowDays();

  @Option(names = "--story-min-similarity", paramLabel = "X",
      description = "The cosine of content (TF-IDF of the headline and lede) an article needs "
          + "with a neighbour and with its story, between 0 and 1 (default: ${DEFAULT-VALUE}).")
  double storyMinSimilarity = D.stories().minSimilarity();

  /** The checked settings; throws naming the option when one is bad. */
  AnalysisSettings settings() {
    return new AnalysisSettings(lexicon, valenceLexicon, AnalysisSettings.Layer.parse(nlp),
        nlpPipeline, noStories ? null : new Stories.Options(storyWindow, storyMinSimilarity));
  }
}
