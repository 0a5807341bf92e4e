package org.framescope.pipeline;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.framescope.stories.Stories;

/**
 * The analysis stage's settings (the {@code features} command's options), checked; run.json
 * records them under {@code options.analysis}.
 *
 * @param lexicon a built-in lexicon's name or a YAML file on any Hadoop file system
 * @param valenceLexicon the built-in {@code vader} or a file in its format
 * @param textLayer the text layer every measure reads
 * @param nlpPipeline with the Spark NLP layer, a saved pipeline to use instead of the built-in
 *     one, or null
 * @param stories how stories are found, or null when they are not
 */
public record AnalysisSettings(String lexicon, String valenceLexicon, Layer textLayer,
    String nlpPipeline, Stories.Options stories) {

  /** The text layers: framescope's own, or Spark NLP's rule-based annotators. */
  public enum Layer {
    DEFAULT, SPARK_NLP;

    @JsonValue
    public String cliName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Layer parse(String s) {
      for (Layer l : values()) {
        if (l.cliName().equals(s)) {
          return l;
        }
      }
      throw new IllegalArgumentException("--nlp '" + s + "': expected default or spark-nlp");
    }
  }

  public AnalysisSettings {
    if (nlpPipeline != null && textLayer != Layer.SPARK_NLP) {
      throw new IllegalArgumentException("--nlp-pipeline needs --nlp spark-nlp");
    }
  }

  /** The defaults: the one place they are written. */
  public static AnalysisSettings defaults() {
    return new AnalysisSettings("syria", "vader", Layer.DEFAULT, null,
        Stories.Options.defaults());
  }
}
