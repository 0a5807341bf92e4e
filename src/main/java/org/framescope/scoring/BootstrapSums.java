package org.framescope.scoring;

import static org.apache.spark.sql.functions.*;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Aggregator;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * The one bootstrap of the scoring package: per group, the sums of each article's vector of
 * integer counts, once with weight 1 (the point estimate) and once per Poisson replicate.
 *
 * <p>An {@link Aggregator} with partial aggregation, so a group as large as the whole corpus is
 * summed on every core, and the buffer is bounded by replicates × vector length, never by the
 * articles. Everything summed is an integer (counts; sentiment scores in fixed point), so the
 * sums are exact and do not depend on how the rows were partitioned or in what order they came:
 * a run with 1 or 8 shuffle partitions gives bit-identical results.
 */
public final class BootstrapSums {
  public static final String KEY = "key";
  public static final String ARTICLE_HASH = "article_hash";
  public static final String VALUES = "values";
  public static final String POINT = "point";
  public static final String REPLICATES = "replicates";

  /** Input: a group key, a hash of the article id and the article's counts. */
  public static final StructType INPUT = new StructType()
      .add(KEY, DataTypes.StringType, false)
      .add(ARTICLE_HASH, DataTypes.LongType, false)
      .add(VALUES, DataTypes.createArrayType(DataTypes.LongType, false), false);

  /** Output: per key, the point sums (K) and the replicate sums (R × K, replicate-major). */
  public static final StructType OUTPUT = new StructType()
      .add(KEY, DataTypes.StringType, false)
      .add(POINT, DataTypes.createArrayType(DataTypes.LongType, false), false)
      .add(REPLICATES, DataTypes.createArrayType(DataTypes.LongType, false), false);

  private BootstrapSums() {}

  /** The article hash every scoring table uses: stable across runs and machines. */
  public static Column articleHash(Column articleId, long seed) {
    return xxhash64(articleId, lit(seed));
  }

  /**
   * Sums {@code input} ({@link #INPUT}) per key. {@code width} is the vector length; every
   * vector must have it.
   */
  public static Dataset<Row> sum(Dataset<Row> input, int width, int replicates) {
    Aggregator<Row, long[], long[]> agg = new Sums(width, replicates);
    MapFunction<Row, String> key = r -> r.getString(0);
    Dataset<Tuple2<String, long[]>> summed = input.select(col(KEY), col(ARTICLE_HASH), col(VALUES))
        .groupByKey(key, Encoders.STRING())
        .agg(agg.toColumn());
    MapFunction<Tuple2<String, long[]>, Row> split = t -> {
      long[] all = t._2();
      List<Long> point = new ArrayList<>(width);
      List<Long> reps = new ArrayList<>(width * replicates);
      for (int i = 0; i < width; i++) {
        point.add(all[i]);
      }
      for (int i = width; i < all.length; i++) {
        reps.add(all[i]);
      }
      return RowFactory.create(t._1(), scala.collection.JavaConverters.asScalaBuffer(point).toSeq(),
          scala.collection.JavaConverters.asScalaBuffer(reps).toSeq());
    };
    return summed.map(split, Encoders.row(OUTPUT));
  }

  /**
   * {@code sums} (source groups, {@link #OUTPUT}) and, for each period, the corpus group: the
   * sum of the period's source groups, point and replicates. Integer sums, so exactly what
   * summing every article again would give.
   */
  public static Dataset<Row> withCorpusSums(Dataset<Row> sums, int width, int replicates) {
    Aggregator<Row, long[], long[]> add = new ArraySums(width * (replicates + 1));
    MapFunction<Row, String> period = r -> {
      String key = r.getString(0);
      return key.substring(key.lastIndexOf(Groups.SEP) + 1);
    };
    Dataset<Tuple2<String, long[]>> corpus = sums
        .select(col(KEY), col(POINT), col(REPLICATES))
        .groupByKey(period, Encoders.STRING())
        .agg(add.toColumn());
    MapFunction<Tuple2<String, long[]>, Row> split = t -> {
      long[] all = t._2();
      List<Long> point = new ArrayList<>(width);
      List<Long> reps = new ArrayList<>(all.length - width);
      for (int i = 0; i < width; i++) {
        point.add(all[i]);
      }
      for (int i = width; i < all.length; i++) {
        reps.add(all[i]);
      }
      return RowFactory.create(Groups.CORPUS + Groups.SEP + Groups.SEP + t._1(),
          scala.collection.JavaConverters.asScalaBuffer(point).toSeq(),
          scala.collection.JavaConverters.asScalaBuffer(reps).toSeq());
    };
    return sums.unionByName(corpus.map(split, Encoders.row(OUTPUT)));
  }

  /** Sums rows of (key, point, replicates) element by element into [point | replicates]. */
  static final class ArraySums extends Aggregator<Row, long[], long[]> {
    private static final long serialVersionUID = 1L;
    private final int length;

    ArraySums(int length) {
      this.length = length;
    }

    @Override
    public long[] zero() {
      return new long[length];
    }

    @Override
    public long[] reduce(long[] buffer, Row row) {
      List<Long> point = row.getList(1);
      List<Long> reps = row.getList(2);
      int i = 0;
      for (Long x : point) {
        buffer[i++] += x;
      }
      for (Long x : reps) {
        buffer[i++] += x;
      }
      return buffer;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      for (int i = 0; i < a.length; i++) {
        a[i] += b[i];
      }
      return a;
    }

    @Override
    public long[] finish(long[] reduction) {
      return reduction;
    }

    @Override
    public Encoder<long[]> bufferEncoder() {
      return Encoders.kryo(long[].class);
    }

    @Override
    public Encoder<long[]> outputEncoder() {
      return Encoders.kryo(long[].class);
    }
  }

  /** Buffer: [point sums (K) | replicate 0 (K) | ... | replicate R-1 (K)]. */
  static final class Sums extends Aggregator<Row, long[], long[]> {
    private static final long serialVersionUID = 1L;
    private final int width;
    private final int replicates;

    Sums(int width, int replicates) {
      this.width = width;
      this.replicates = replicates;
    }

    @Override
    public long[] zero() {
      return new long[width * (replicates + 1)];
    }

    @Override
    public long[] reduce(long[] buffer, Row row) {
      long hash = row.getLong(1);
      List<Long> values = row.getList(2);
      if (values.size() != width) {
        throw new IllegalStateException("a vector of " + values.size() + " values, expected "
            + width);
      }
      long[] v = new long[width];
      boolean any = false;
      for (int i = 0; i < width; i++) {
        v[i] = values.get(i);
        any |= v[i] != 0;
        buffer[i] += v[i];
      }
      if (!any) {
        return buffer;
      }
      for (int r = 0; r < replicates; r++) {
        int w = PoissonWeights.weight(hash, r);
        if (w == 0) {
          continue;
        }
        int base = width * (r + 1);
        for (int i = 0; i < width; i++) {
          buffer[base + i] += w * v[i];
        }
      }
      return buffer;
    }

    @Override
    public long[] merge(long[] a, long[] b) {
      for (int i = 0; i < a.length; i++) {
        a[i] += b[i];
      }
      return a;
    }

    @Override
    public long[] finish(long[] reduction) {
      return reduction;
    }

    @Override
    public Encoder<long[]> bufferEncoder() {
      return Encoders.kryo(long[].class);
    }

    @Override
    public Encoder<long[]> outputEncoder() {
      return Encoders.kryo(long[].class);
    }
  }
}
