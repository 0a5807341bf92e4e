package org.framescope.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options of the features stage, shared by {@code features} and {@code run}. */
final class FeaturesOptions {
  static final String NLP_DEFAULT = "default";
  static final String NLP_SPARK_NLP = "spark-nlp";

  @Option(names = "--lexicon", paramLabel = "LEXICON", defaultValue = "syria",
      description = "What to measure: a built-in lexicon (syria, immigration) or a YAML file on "
          + "any Hadoop file system (default: ${DEFAULT-VALUE}).")
  String lexicon;

  @Option(names = "--valence-lexicon", paramLabel = "LEXICON", defaultValue = "vader",
      description = "Word valences for sentence sentiment: the built-in vader, or a file in its "
          + "format (entry TAB valence in [-4, 4], one a line) (default: ${DEFAULT-VALUE}).")
  String valenceLexicon;

  @Option(names = "--nlp", paramLabel = "LAYER", defaultValue = NLP_DEFAULT,
      description = "Text layer: default (framescope's tokenizer and sentence splitter) or "
          + "spark-nlp (Spark NLP's SentenceDetector and Tokenizer) (default: ${DEFAULT-VALUE}).")
  String nlp;

  @Option(names = "--nlp-pipeline", paramLabel = "PATH",
      description = "With --nlp spark-nlp: a saved Spark NLP PipelineModel that reads 'text' and "
          + "writes 'sentence' and 'token' annotations, used instead of the built-in one.")
  String nlpPipeline;

  void check() {
    if (!NLP_DEFAULT.equals(nlp) && !NLP_SPARK_NLP.equals(nlp)) {
      throw new IllegalArgumentException("--nlp '" + nlp + "': expected default or spark-nlp");
    }
    if (nlpPipeline != null && !NLP_SPARK_NLP.equals(nlp)) {
      throw new IllegalArgumentException("--nlp-pipeline needs --nlp spark-nlp");
    }
  }

  Map<String, Object> asMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("lexicon", lexicon);
    m.put("valence_lexicon", valenceLexicon);
    m.put("nlp", nlp);
    m.put("nlp_pipeline", nlpPipeline);
    return m;
  }
}
