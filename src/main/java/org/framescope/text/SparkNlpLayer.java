package org.framescope.text;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;

import com.johnsnowlabs.nlp.DocumentAssembler;
import com.johnsnowlabs.nlp.annotators.Tokenizer;
import com.johnsnowlabs.nlp.annotators.sbd.pragmatic.SentenceDetector;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The alternative text layer, {@code --nlp spark-nlp}: Spark NLP's DocumentAssembler,
 * SentenceDetector and Tokenizer, or a user's own saved Spark NLP pipeline that reads {@code text}
 * and writes {@code sentence} and {@code token} annotations. Only the annotations' spans are
 * kept; {@link TextLayer#fromSpans} turns them into the same tokens as the default layer's.
 *
 * <p>Several times slower than the default layer (see the README for the figures), which is why
 * it is not the default; it is there for users who bring their own models.
 */
public final class SparkNlpLayer {
  public static final String DOCUMENT = "document";
  public static final String SENTENCE = "sentence";
  public static final String TOKEN = "token";
  /** The span columns {@link #withSpans} adds: arrays of begin / end (end exclusive). */
  public static final String SENTENCE_SPANS = "_sentence_spans";
  public static final String TOKEN_SPANS = "_token_spans";

  private SparkNlpLayer() {}

  /** The rule-based pipeline: no model is downloaded. */
  public static Pipeline defaultPipeline(String textColumn) {
    DocumentAssembler document = new DocumentAssembler();
    document.setInputCol(textColumn);
    document.setOutputCol(DOCUMENT);
    SentenceDetector sentences = new SentenceDetector();
    sentences.setInputCols(new String[] {DOCUMENT});
    sentences.setOutputCol(SENTENCE);
    Tokenizer tokens = new Tokenizer();
    tokens.setInputCols(new String[] {SENTENCE});
    tokens.setOutputCol(TOKEN);
    return new Pipeline().setStages(new PipelineStage[] {document, sentences, tokens});
  }

  /** Loads a saved pipeline model from {@code path} (any Hadoop file system). */
  public static PipelineModel load(String path) {
    return PipelineModel.load(path);
  }

  /**
   * Adds {@value #SENTENCE_SPANS} and {@value #TOKEN_SPANS} (arrays of begin / end, end
   * exclusive) computed by {@code model} from {@code text}. One row per input row.
   */
  public static Dataset<Row> withSpans(Dataset<Row> articles, PipelineModel model) {
    Dataset<Row> annotated = model.transform(articles);
    List<String> have = List.of(annotated.columns());
    for (String c : new String[] {SENTENCE, TOKEN}) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException("the Spark NLP pipeline writes no '" + c
            + "' column (it writes " + have + ")");
      }
    }
    return annotated
        .withColumn(SENTENCE_SPANS, spans(SENTENCE))
        .withColumn(TOKEN_SPANS, spans(TOKEN))
        .drop(DOCUMENT, SENTENCE, TOKEN);
  }

  /** The text layer from the span columns of one row: {@link TextLayer#fromSpans}. */
  public static TextLayer.Analysis fromSpanColumns(String text, List<Row> sentences,
      List<Row> tokens) {
    return TextLayer.fromSpans(text, spanList(sentences), spanList(tokens));
  }

  private static List<int[]> spanList(List<Row> rows) {
    List<int[]> out = new java.util.ArrayList<>(rows.size());
    for (Row r : rows) {
      out.add(new int[] {r.getInt(0), r.getInt(1)});
    }
    return out;
  }

  private static Column spans(String annotations) {
    return transform(col(annotations),
        a -> struct(a.getField("begin").as("begin"), a.getField("end").plus(1).as("end")));
  }
}
