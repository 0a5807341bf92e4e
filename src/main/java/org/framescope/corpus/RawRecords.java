package org.framescope.corpus;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a corpus in any supported format into one uniform shape, so that validation and
 * cleaning are written once:
 *
 * <ul>
 *   <li>{@code input_file}: the file the record came from;
 *   <li>{@code record}: the record as read (a JSON line, a CSV row rendered as JSON, ...), kept
 *       for the rejects table;
 *   <li>{@code fields}: {@code map<string,string>} of the record's columns, every value as text;
 *   <li>{@code parse_error}: why the record could not be parsed, or null.
 * </ul>
 *
 * Every reader is lazy and never infers a schema from the data beyond the header of a CSV file
 * or the footer of a Parquet file.
 */
public final class RawRecords {
  public static final String INPUT_FILE = "input_file";
  public static final String RECORD = "record";
  public static final String FIELDS = "fields";
  public static final String PARSE_ERROR = "parse_error";
  /** The undecoded bytes of a text-format file (null for the other formats). */
  public static final String CONTENT = "content";

  /** The key under which the text format puts each file's content. */
  public static final String FILE_TEXT_KEY = "text";
  /** The manifest column naming each text file. */
  public static final String MANIFEST_FILE_COLUMN = "file";

  static final String CORRUPT = "_corrupt_record";

  public static final StructType SCHEMA = new StructType()
      .add(INPUT_FILE, DataTypes.StringType, true)
      .add(RECORD, DataTypes.StringType, true)
      .add(FIELDS, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true)
      .add(PARSE_ERROR, DataTypes.StringType, true)
      .add(CONTENT, DataTypes.BinaryType, true);

  private RawRecords() {}

  /** Reads {@code path} (a file, folder or glob on any Hadoop file system) in {@code format}. */
  public static Dataset<Row> read(SparkSession spark, String path, InputFormat format) {
    return read(spark, path, format, null);
  }

  /**
   * As {@link #read(SparkSession, String, InputFormat)}, reading only {@code files} of it when
   * not null (the files that passed {@code InputCheck}; for the text format, its manifest and the
   * {@code .txt} files among them).
   */
  public static Dataset<Row> read(SparkSession spark, String path, InputFormat format,
      List<String> files) {
    String[] paths = files == null ? new String[] {path} : files.toArray(new String[0]);
    switch (format) {
      case JSONL:
        return readJsonLines(spark, paths);
      case CSV:
        return readCsv(spark, paths);
      case PARQUET:
        return readParquet(spark, paths);
      case TEXT:
        return readTextFolder(spark, path, files == null ? null
            : files.stream().filter(f -> f.endsWith(".txt")).toArray(String[]::new));
      default:
        throw new IllegalArgumentException("unsupported format " + format);
    }
  }

  /** The column names a record of this input can have, when the format declares them up front. */
  public static List<String> declaredColumns(SparkSession spark, String path, InputFormat format,
      List<String> files) {
    String[] paths = files == null ? new String[] {path} : files.toArray(new String[0]);
    switch (format) {
      case CSV:
        return List.of(csvHeader(spark, paths).fieldNames());
      case PARQUET:
        return List.of(spark.read().parquet(paths).schema().fieldNames());
      case TEXT:
        List<String> cols = new ArrayList<>(List.of(readManifest(spark, manifestPath(path)).columns()));
        cols.add(FILE_TEXT_KEY);
        return cols;
      default:
        return null;
    }
  }

  /**
   * JSON lines: each non-blank line is a record. Values that are not strings keep their JSON
   * text; a line that is not a JSON object gets a parse error. Blank lines are not records.
   */
  static Dataset<Row> readJsonLines(SparkSession spark, String... path) {
    Column parsed = from_json(col("value"),
        DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    return spark.read().text(path)
        .filter(trim(col("value")).notEqual(""))
        .select(
            input_file_name().as(INPUT_FILE),
            col("value").as(RECORD),
            parsed.as(FIELDS))
        .withColumn(PARSE_ERROR,
            when(col(FIELDS).isNull(), lit("not a JSON object")))
        .withColumn(CONTENT, lit(null).cast(DataTypes.BinaryType));
  }

  /**
   * CSV with a header row; quoted fields may span lines and quotes are escaped by doubling them
   * (RFC 4180). A row Spark cannot parse keeps its raw text.
   */
  static Dataset<Row> readCsv(SparkSession spark, String... path) {
    StructType header = csvHeader(spark, path);
    StructType withCorrupt = header.add(CORRUPT, DataTypes.StringType, true);
    Dataset<Row> rows = csvReader(spark)
        .schema(withCorrupt)
        .option("mode", "PERMISSIVE")
        .option("columnNameOfCorruptRecord", CORRUPT)
        .csv(path);
    return fromColumns(rows, header.fieldNames(), col(CORRUPT));
  }

  static Dataset<Row> readParquet(SparkSession spark, String... path) {
    Dataset<Row> rows = spark.read().parquet(path);
    return fromColumns(rows, rows.columns(), lit(null).cast(DataTypes.StringType));
  }

  /**
   * A folder of {@code .txt} files described by its {@code manifest.csv} ({@code file, source,
   * published, title, ...}). A manifest row whose file is missing, and a text file the manifest
   * does not list, are records that will be rejected; file contents are decoded later so that
   * invalid UTF-8 is repaired, not lost.
   */
  static Dataset<Row> readTextFolder(SparkSession spark, String path) {
    return readTextFolder(spark, path, null);
  }

  /** As above, reading only the {@code .txt} files named in {@code txtFiles} when not null. */
  static Dataset<Row> readTextFolder(SparkSession spark, String path, String[] txtFiles) {
    String folder = folderOf(path);
    Dataset<Row> manifest = readManifest(spark, folder + "/manifest.csv");
    if (!List.of(manifest.columns()).contains(MANIFEST_FILE_COLUMN)) {
      throw new IllegalArgumentException(
          folder + "/manifest.csv has no '" + MANIFEST_FILE_COLUMN + "' column");
    }
    Dataset<Row> files = spark.read().format("binaryFile")
        .option("pathGlobFilter", "*.txt")
        .load(txtFiles == null || txtFiles.length == 0 ? new String[] {folder} : txtFiles)
        .limit(txtFiles != null && txtFiles.length == 0 ? 0 : Integer.MAX_VALUE)
        .select(
            col("path").as("file_path"),
            element_at(split(col("path"), "/"), -1).as("file_name"),
            col("content"));

    List<Column> kv = new ArrayList<>();
    for (String c : manifest.columns()) {
      kv.add(lit(c));
      kv.add(col("m." + quoted(c)));
    }
    Column manifestFields = map(kv.toArray(new Column[0]));
    Dataset<Row> joined = manifest.as("m").join(files.as("f"),
        col("m." + MANIFEST_FILE_COLUMN).equalTo(col("f.file_name")), "full_outer");
    Column listed = col("m." + MANIFEST_FILE_COLUMN).isNotNull();
    Column found = col("f.file_name").isNotNull();
    return joined.select(
        when(found, col("file_path")).otherwise(lit(folder + "/manifest.csv")).as(INPUT_FILE),
        when(listed, to_json(manifestFields)).otherwise(col("f.file_name")).as(RECORD),
        when(listed.and(found), map_concat(manifestFields,
                map(lit(FILE_TEXT_KEY), lit(null).cast(DataTypes.StringType))))
            .as(FIELDS),
        when(not(listed), lit(RejectReason.UNLISTED_FILE.code() + ":file is not listed in manifest.csv"))
            .when(not(found), concat(lit(RejectReason.MISSING_FILE.code() + ":manifest lists "),
                col("m." + MANIFEST_FILE_COLUMN), lit(", which is not in the folder")))
            .as(PARSE_ERROR),
        when(listed.and(found), col("content")).as(CONTENT));
  }

  static String manifestPath(String path) {
    return folderOf(path) + "/manifest.csv";
  }

  private static String folderOf(String path) {
    String p = path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.endsWith("/manifest.csv") || p.equals("manifest.csv")
        ? p.substring(0, Math.max(0, p.length() - "/manifest.csv".length()))
        : p;
  }

  private static Dataset<Row> readManifest(SparkSession spark, String manifestPath) {
    return csvReader(spark).schema(csvHeader(spark, manifestPath)).csv(manifestPath);
  }

  private static org.apache.spark.sql.DataFrameReader csvReader(SparkSession spark) {
    return spark.read()
        .option("header", "true")
        .option("multiLine", "true")
        .option("quote", "\"")
        .option("escape", "\"")
        .option("encoding", "UTF-8");
  }

  /** The header's column names, every column typed as a string (no inference over the data). */
  private static StructType csvHeader(SparkSession spark, String... path) {
    StructType inferred = csvReader(spark).option("inferSchema", "false").csv(path).schema();
    StructType header = new StructType();
    for (StructField f : inferred.fields()) {
      header = header.add(f.name(), DataTypes.StringType, true);
    }
    return header;
  }

  private static Dataset<Row> fromColumns(Dataset<Row> rows, String[] columns, Column corrupt) {
    List<Column> kv = new ArrayList<>();
    List<Column> asText = new ArrayList<>();
    for (String c : columns) {
      Column value = textOf(rows, c);
      kv.add(lit(c));
      kv.add(value);
      asText.add(value.as(c));
    }
    Column fields = map(kv.toArray(new Column[0]));
    return rows.select(
        input_file_name().as(INPUT_FILE),
        coalesce(corrupt, to_json(struct(asText.toArray(new Column[0])))).as(RECORD),
        when(corrupt.isNull(), fields).as(FIELDS),
        when(corrupt.isNotNull(), lit("malformed row")).as(PARSE_ERROR),
        lit(null).cast(DataTypes.BinaryType).as(CONTENT));
  }

  private static Column textOf(Dataset<Row> rows, String name) {
    Column c = rows.col(quoted(name));
    org.apache.spark.sql.types.DataType t = rows.schema().apply(name).dataType();
    if (t instanceof StructType
        || t instanceof org.apache.spark.sql.types.ArrayType
        || t instanceof org.apache.spark.sql.types.MapType) {
      return to_json(c);
    }
    return c.cast(DataTypes.StringType);
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
