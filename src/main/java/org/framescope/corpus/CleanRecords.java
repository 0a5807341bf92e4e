package org.framescope.corpus;

import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.collection.JavaConverters;

/**
 * Runs {@link RecordParser} over raw records. A Java map rather than built-in functions: the
 * repairs, the line rules and the date forms are sequential logic over one record that SQL
 * expressions would spread over a dozen passes of regular expressions.
 */
public final class CleanRecords {
  public static final String INPUT_FILE = "input_file";
  public static final String RECORD = "record";
  public static final String REJECT_REASON = "reject_reason";
  public static final String REJECT_DETAIL = "reject_detail";
  public static final String GIVEN_ID = "given_id";
  public static final String DERIVED_ID = "derived_id";
  public static final String SOURCE = "source";
  public static final String PUBLISHED = "published";
  public static final String PUBLISHED_RAW = "published_raw";
  public static final String DATE_UNPARSED = "date_unparsed";
  public static final String TITLE = "title";
  public static final String TEXT = "text";
  public static final String URL = "url";
  public static final String LANGUAGE = "language";
  public static final String REPAIRS = "repairs";
  public static final String REMOVED = "removed";
  public static final String RULE = "rule";
  public static final String LINE = "line";

  public static final StructType REMOVED_LINE = new StructType()
      .add(RULE, DataTypes.StringType, false)
      .add(LINE, DataTypes.StringType, false);

  public static final StructType SCHEMA = new StructType()
      .add(INPUT_FILE, DataTypes.StringType, true)
      .add(RECORD, DataTypes.StringType, true)
      .add(REJECT_REASON, DataTypes.StringType, true)
      .add(REJECT_DETAIL, DataTypes.StringType, true)
      .add(GIVEN_ID, DataTypes.StringType, true)
      .add(DERIVED_ID, DataTypes.StringType, true)
      .add(SOURCE, DataTypes.StringType, true)
      .add(PUBLISHED, DataTypes.DateType, true)
      .add(PUBLISHED_RAW, DataTypes.StringType, true)
      .add(DATE_UNPARSED, DataTypes.BooleanType, false)
      .add(TITLE, DataTypes.StringType, true)
      .add(TEXT, DataTypes.StringType, true)
      .add(URL, DataTypes.StringType, true)
      .add(LANGUAGE, DataTypes.StringType, true)
      .add(REPAIRS, DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add(REMOVED, DataTypes.createArrayType(REMOVED_LINE, false), false);

  private CleanRecords() {}

  /**
   * Parses each raw record ({@link RawRecords#SCHEMA}) into one row of {@link #SCHEMA}: a
   * reject (reason set, raw record kept) or an article (fields set, raw record dropped).
   * Grain: one row per input record.
   */
  public static Dataset<Row> parse(Dataset<Row> raw, RecordParser parser) {
    for (String c : new String[] {RawRecords.INPUT_FILE, RawRecords.RECORD, RawRecords.FIELDS,
        RawRecords.PARSE_ERROR, RawRecords.CONTENT}) {
      if (!List.of(raw.columns()).contains(c)) {
        throw new IllegalArgumentException("raw records lack column '" + c + "'");
      }
    }
    MapFunction<Row, Row> f = row -> toRow(row, parser);
    return raw.select(col(RawRecords.INPUT_FILE), col(RawRecords.RECORD), col(RawRecords.FIELDS),
            col(RawRecords.PARSE_ERROR), col(RawRecords.CONTENT))
        .map(f, Encoders.row(SCHEMA));
  }

  private static Row toRow(Row in, RecordParser parser) {
    Map<String, String> fields = in.isNullAt(2) ? null : in.getJavaMap(2);
    byte[] content = in.isNullAt(4) ? null : (byte[]) in.get(4);
    RecordParser.Parsed p = parser.parse(fields, content, in.getString(3));
    List<Row> removed = new ArrayList<>(p.removed().size());
    for (PageFurniture.Removed r : p.removed()) {
      removed.add(RowFactory.create(r.rule(), r.line()));
    }
    String record = in.getString(1);
    if (p.isRejected() && record == null && content != null) {
      record = new String(content, java.nio.charset.StandardCharsets.UTF_8);
    }
    return RowFactory.create(
        in.getString(0),
        p.isRejected() ? record : null,
        p.rejectReason(),
        p.rejectDetail(),
        p.givenId(),
        p.derivedId(),
        p.source(),
        p.published() == null ? null : Date.valueOf(p.published()),
        p.publishedRaw(),
        p.dateUnparsed(),
        p.title(),
        p.text(),
        p.url(),
        p.language(),
        JavaConverters.asScalaBuffer(p.repairs()).toSeq(),
        JavaConverters.asScalaBuffer(removed).toSeq());
  }
}
