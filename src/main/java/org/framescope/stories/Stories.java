package org.framescope.stories;

import static org.apache.spark.sql.functions.*;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.IDFModel;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.framescope.schema.ArticlesTable;
import org.framescope.schema.StoriesTable;
import org.framescope.schema.StorySummaryTable;

/**
 * Finds stories: original articles from different outlets that report the same event.
 *
 * <p><b>Content.</b> An article's story terms (the content words of its headline and lede, found
 * by the analysis pass) become a TF-IDF vector with Spark MLlib: {@link HashingTF} ({@value
 * #FEATURES} features, counts), {@link IDF} (terms in fewer than two articles weigh nothing) and
 * {@link Normalizer} (unit length, so a dot product is the cosine).
 *
 * <p><b>Candidates.</b> Each article's {@value #KEY_TERMS} heaviest terms are its keys (for news
 * mostly names, places and the event's rare words); articles are put in date buckets {@code
 * windowDays} wide, each in its own and the next, so any two published within the window share a
 * bucket. Two articles in a bucket that share at least {@value #MIN_SHARED_KEYS} keys and lie
 * within the window are a candidate pair; a key held by more than {@value #MAX_KEY_GROUP} articles
 * of one bucket is a topic's word, not an event's, and proposes nothing. A pair is an edge when
 * the exact cosine of the two vectors is at least {@code minSimilarity}.
 *
 * <p>MLlib's LSH does not fit this step; computed from the collision probabilities of its two
 * schemes (not tuned on any corpus): {@code BucketedRandomProjectionLSH} hashes one random
 * projection per table (Datar et al. 2004), and at unit length the pairs to keep (cosine 0.3,
 * distance 1.18) and the unrelated ones (cosine 0, distance 1.41) lie too close for it: with 5,
 * 10 or 20 tables and the bucket length that keeps 95% of the first, it proposes 92% of the
 * second, nearly every pair of a date bucket. {@code MinHashLSH} has no bands (a pair is
 * proposed when any one min-hash agrees), so at Jaccard 0.05, what two articles on one topic may
 * share, 20 tables propose 64% of pairs. Shared keys propose a pair only where two of the
 * heaviest terms of both articles agree.
 *
 * <p><b>Stories.</b> Over the edges, in up to {@value #ROUNDS} rounds: an article whose rank
 * (edges, then summed similarity, then id) is above every neighbour's is a centre; every other
 * article joins the neighbouring centre it is most similar to. So a story is a star: no member is
 * there through a chain of neighbours. Each star is then checked as a whole: its members are kept
 * within the {@code windowDays} window around the centre that holds the most of them, and every
 * member must have a cosine of at least {@code minSimilarity} with the story (the sum of the
 * other members, computed again after any member leaves). A member whose text is that of an
 * earlier member (cosine at least {@value #COPY_SIMILARITY}: wire copy several outlets ran) is
 * kept as a copy and counts once. A story has original articles from at least two sources; an
 * article is in at most one. Articles left out, and the neighbours of a centre whose star failed,
 * try again in the next round.
 */
public final class Stories {
  static final int FEATURES = 1 << 18;
  static final int KEY_TERMS = 10;
  static final int MIN_SHARED_KEYS = 2;
  static final int MAX_KEY_GROUP = 400;
  static final int ROUNDS = 3;
  static final double COPY_SIMILARITY = 0.9;
  static final int TOP_TERMS = 8;

  /** The columns of the vectors Dataset. */
  static final String ID = "_id";
  static final String SOURCE = "_source";
  static final String PUBLISHED = "_published";
  static final String DAY = "_day";
  static final String VECTOR = "_vector";

  private static final String TERMS = "_terms";
  private static final String TF = "_tf";
  private static final String TFIDF = "_tfidf";

  /**
   * @param windowDays the most days between a story's first and last article
   * @param minSimilarity the cosine an article needs with a neighbour, and with the story
   */
  public record Options(int windowDays, double minSimilarity) implements Serializable {
    public Options {
      if (windowDays < 0) {
        throw new IllegalArgumentException("--story-window must be 0 or more days, not "
            + windowDays);
      }
      if (!(minSimilarity > 0 && minSimilarity < 1)) {
        throw new IllegalArgumentException("--story-min-similarity must be between 0 and 1, "
            + "not " + minSimilarity);
      }
    }

    public static Options defaults() {
      return new Options(3, 0.3);
    }
  }

  private Stories() {}

  /**
   * The articles a story can hold: originals with a date and story terms. Needs {@code
   * article_id, source, published, is_duplicate} and {@code termsColumn}.
   */
  public static Dataset<Row> filterCandidates(Dataset<Row> analysis, String termsColumn) {
    requireColumns(analysis, ArticlesTable.ARTICLE_ID, ArticlesTable.SOURCE,
        ArticlesTable.PUBLISHED, ArticlesTable.IS_DUPLICATE, termsColumn);
    return analysis.filter(col(ArticlesTable.ARTICLE_ID).isNotNull()
            .and(not(col(ArticlesTable.IS_DUPLICATE)))
            .and(col(ArticlesTable.PUBLISHED).isNotNull())
            .and(size(col(termsColumn)).gt(0)))
        .select(col(ArticlesTable.ARTICLE_ID).as(ID), col(ArticlesTable.SOURCE).as(SOURCE),
            col(ArticlesTable.PUBLISHED).as(PUBLISHED), col(termsColumn).as(TERMS));
  }

  /** The TF-IDF model of the candidates' terms ({@link #filterCandidates}): fits the IDF. */
  public static PipelineModel fitVectors(Dataset<Row> candidates) {
    HashingTF tf = new HashingTF();
    tf.setInputCol(TERMS);
    tf.setOutputCol(TF);
    tf.setNumFeatures(FEATURES);
    IDF idf = new IDF();
    idf.setInputCol(TF);
    idf.setOutputCol(TFIDF);
    idf.setMinDocFreq(2);
    Normalizer norm = new Normalizer();
    norm.setInputCol(TFIDF);
    norm.setOutputCol(VECTOR);
    norm.setP(2.0);
    return new Pipeline().setStages(new PipelineStage[] {tf, idf, norm}).fit(candidates);
  }

  /** Each candidate's unit TF-IDF vector and day number: {@code _id, _source, _published, _day, _vector}. */
  public static Dataset<Row> withVectors(Dataset<Row> candidates, PipelineModel model) {
    return model.transform(candidates).select(col(ID), col(SOURCE), col(PUBLISHED),
        datediff(col(PUBLISHED), lit("1970-01-01").cast("date")).as(DAY), col(VECTOR));
  }

  /** The IDF of every feature, for the story's characteristic terms. */
  public static double[] idf(PipelineModel model) {
    return ((IDFModel) model.stages()[1]).idf().toArray();
  }

  /**
   * The candidate pairs ({@code _a < _b}): within the window, sharing {@value #MIN_SHARED_KEYS}
   * keys. Needs {@link #withVectors}'s columns.
   */
  static Dataset<Row> candidatePairs(Dataset<Row> vectors, Options options) {
    int w = Math.max(1, options.windowDays());
    UserDefinedFunction keys = udf((UDF1<Vector, List<Integer>>) Stories::keys,
        DataTypes.createArrayType(DataTypes.IntegerType));
    Column bucket = floor(col(DAY).divide(w));
    Dataset<Row> keyed = vectors.select(col(ID), col(DAY), explode(keys.apply(col(VECTOR)))
            .as("_key"))
        .select(col(ID), col(DAY), col("_key"), explode(array(bucket, bucket.plus(1)))
            .as("_bucket"));
    StructType pair = new StructType().add("_a", DataTypes.StringType, false)
        .add("_b", DataTypes.StringType, false);
    int window = options.windowDays();
    // Pairs of one group made in memory, not by a self-join: a group holds a few articles.
    FlatMapFunction<Row, Row> pairs = group -> {
      List<Row> members = group.getList(1);
      List<Row> out = new ArrayList<>();
      if (members.size() > MAX_KEY_GROUP) {
        return out.iterator();
      }
      long b = group.getLong(0);
      for (int i = 0; i < members.size(); i++) {
        for (int j = i + 1; j < members.size(); j++) {
          Row x = members.get(i);
          Row y = members.get(j);
          int dx = x.getInt(1);
          int dy = y.getInt(1);
          // Each pair once: in the later of the two buckets both articles are in.
          if (Math.abs(dx - dy) > window || b != Math.floorDiv(Math.min(dx, dy), w) + 1) {
            continue;
          }
          String a = x.getString(0);
          String c = y.getString(0);
          out.add(a.compareTo(c) < 0 ? RowFactory.create(a, c) : RowFactory.create(c, a));
        }
      }
      return out.iterator();
    };
    return keyed.groupBy(col("_key"), col("_bucket"))
        .agg(collect_list(struct(col(ID), col(DAY))).as("_members"))
        .select(col("_bucket"), col("_members"))
        .flatMap(pairs, Encoders.row(pair))
        .groupBy(col("_a"), col("_b")).count()
        .filter(col("count").geq(MIN_SHARED_KEYS))
        .select(col("_a"), col("_b"));
  }

  /** The pairs whose cosine is at least the minimum: {@code _a, _b, _sim}. */
  static Dataset<Row> edges(Dataset<Row> pairs, Dataset<Row> vectors, Options options) {
    UserDefinedFunction cosine = udf((UDF2<Vector, Vector, Double>) Stories::dot,
        DataTypes.DoubleType);
    Dataset<Row> va = vectors.select(col(ID).as("_va"), col(VECTOR).as("_xa"));
    Dataset<Row> vb = vectors.select(col(ID).as("_vb"), col(VECTOR).as("_xb"));
    return pairs.join(va, col("_a").equalTo(col("_va")))
        .join(vb, col("_b").equalTo(col("_vb")))
        .select(col("_a"), col("_b"), cosine.apply(col("_xa"), col("_xb")).as("_sim"))
        .filter(col("_sim").geq(options.minSimilarity()));
  }

  /**
   * One round of stars over {@code edges}: every centre and the articles that join it, {@code
   * _id, _center} (a centre is its own centre).
   */
  static Dataset<Row> stars(Dataset<Row> edges) {
    Dataset<Row> both = edges.select(col("_a").as("_x"), col("_b").as("_y"), col("_sim"))
        .unionByName(edges.select(col("_b").as("_x"), col("_a").as("_y"), col("_sim")));
    Dataset<Row> rank = both.groupBy(col("_x"))
        .agg(struct(count(lit(1)).as("_deg"), round(sum(col("_sim")), 9).as("_s"),
            col("_x").as("_i")).as("_rank"));
    Dataset<Row> ry = rank.select(col("_x").as("_ry_id"), col("_rank").as("_ry"));
    Dataset<Row> withRanks = both.join(ry, col("_y").equalTo(col("_ry_id")));
    Dataset<Row> centres = withRanks.groupBy(col("_x")).agg(max(col("_ry")).as("_max"))
        .join(rank.select(col("_x").as("_rx_id"), col("_rank")),
            col("_x").equalTo(col("_rx_id")))
        .filter(col("_rank").gt(col("_max")))
        .select(col("_x").as("_center"));
    Dataset<Row> members = both.join(centres, col("_y").equalTo(col("_center")))
        .groupBy(col("_x"))
        .agg(max(struct(col("_sim"), col("_center"))).getField("_center").as("_center"));
    return centres.select(col("_center").as(ID), col("_center"))
        .unionByName(members.select(col("_x").as(ID), col("_center")));
  }

  /**
   * Checks each star as a whole ({@link Stories}'s "Stories"), returning the {@code stories}
   * rows of those that hold.
   */
  static Dataset<Row> confirm(Dataset<Row> stars, Dataset<Row> vectors, Options options) {
    Dataset<Row> members = stars.join(vectors, ID)
        .select(col("_center"), col(ID), col(SOURCE), col(PUBLISHED), col(DAY), col(VECTOR));
    FlatMapGroupsFunction<String, Row, Row> check = (centre, rows) -> {
      List<Member> m = new ArrayList<>();
      rows.forEachRemaining(r -> m.add(new Member(r.getString(1), r.getString(2), r.get(3),
          r.getInt(4), (Vector) r.get(5))));
      return checkStory(centre, m, options).iterator();
    };
    return members.groupByKey((MapFunction<Row, String>) r -> r.getString(0), Encoders.STRING())
        .flatMapGroups(check, Encoders.row(StoriesTable.SCHEMA));
  }

  /** A member of a star being checked. */
  record Member(String id, String source, Object published, int day, Vector vector) {}

  /** The checks of {@link #confirm} on one star, in memory. */
  static List<Row> checkStory(String centre, List<Member> star, Options options) {
    int centreDay = star.stream().filter(x -> x.id().equals(centre)).findFirst()
        .map(Member::day).orElse(Integer.MIN_VALUE);
    if (centreDay == Integer.MIN_VALUE) {
      return List.of();
    }
    int bestStart = centreDay;
    long bestCount = -1;
    for (int start = centreDay - options.windowDays(); start <= centreDay; start++) {
      int s = start;
      long n = star.stream().filter(x -> x.day() >= s && x.day() <= s + options.windowDays())
          .count();
      if (n > bestCount) {
        bestCount = n;
        bestStart = start;
      }
    }
    int from = bestStart;
    List<Member> kept = new ArrayList<>(star.stream()
        .filter(x -> x.day() >= from && x.day() <= from + options.windowDays()).toList());
    kept.sort(Comparator.comparingInt(Member::day).thenComparing(Member::id));
    // Members below the minimum leave, and the rest are checked again (at most three times).
    double[] sims = similarities(kept);
    for (int pass = 0; pass < 3; pass++) {
      List<Member> next = new ArrayList<>();
      for (int i = 0; i < kept.size(); i++) {
        if (sims[i] >= options.minSimilarity() || kept.get(i).id().equals(centre)) {
          next.add(kept.get(i));
        }
      }
      if (next.size() == kept.size()) {
        break;
      }
      kept = next;
      sims = similarities(kept);
    }
    String[] copyOf = new String[kept.size()];
    Set<String> sources = new HashSet<>();
    for (int i = 0; i < kept.size(); i++) {
      for (int j = 0; j < i && copyOf[i] == null; j++) {
        if (copyOf[j] == null && dot(kept.get(i).vector(), kept.get(j).vector())
            >= COPY_SIMILARITY) {
          copyOf[i] = kept.get(j).id();
        }
      }
      if (copyOf[i] == null) {
        sources.add(kept.get(i).source());
      }
    }
    if (sources.size() < 2) {
      return List.of();
    }
    List<Row> out = new ArrayList<>(kept.size());
    for (int i = 0; i < kept.size(); i++) {
      Member x = kept.get(i);
      out.add(RowFactory.create(centre, x.id(), x.source(), x.published(),
          Math.round(sims[i] * 1e9) / 1e9, copyOf[i]));
    }
    return out;
  }

  /**
   * Each member's cosine with the sum of the other members: with itself in the sum, a member of
   * a small story would be held up by its own weight.
   */
  private static double[] similarities(List<Member> members) {
    java.util.Map<Integer, Double> sum = new java.util.HashMap<>();
    for (Member x : members) {
      SparseVector v = x.vector().toSparse();
      for (int k = 0; k < v.indices().length; k++) {
        sum.merge(v.indices()[k], v.values()[k], Double::sum);
      }
    }
    double squared = sum.values().stream().mapToDouble(d -> d * d).sum();
    double[] out = new double[members.size()];
    for (int i = 0; i < out.length; i++) {
      SparseVector v = members.get(i).vector().toSparse();
      double withSum = 0;
      double self = 0;
      for (int k = 0; k < v.indices().length; k++) {
        withSum += v.values()[k] * sum.getOrDefault(v.indices()[k], 0.0);
        self += v.values()[k] * v.values()[k];
      }
      // x·(S − x) / |S − x|, with |S − x|² = |S|² − 2 x·S + x·x.
      double rest = squared - 2 * withSum + self;
      out[i] = rest <= 1e-12 ? 0 : (withSum - self) / Math.sqrt(rest);
    }
    return out;
  }

  /**
   * The stories ({@link StoriesTable}) of the candidates' vectors ({@link #withVectors}), with
   * {@code store} storing each intermediate result under a name (so that the rounds do not
   * compute it again).
   */
  public static Found findStories(Dataset<Row> vectors, Options options,
      BiFunction<String, Dataset<Row>, Dataset<Row>> store) {
    Dataset<Row> allEdges = store.apply("story_edges",
        edges(candidatePairs(vectors, options), vectors, options));
    Dataset<Row> edges = allEdges;
    Dataset<Row> stories = null;
    for (int round = 1; round <= ROUNDS; round++) {
      Dataset<Row> star = store.apply("story_stars_" + round, stars(edges));
      Dataset<Row> found = store.apply("story_round_" + round, confirm(star, vectors, options));
      stories = stories == null ? found : stories.unionByName(found);
      // The next round: articles in no story yet, without the centres whose star failed.
      Dataset<Row> done = found.select(col(StoriesTable.ARTICLE_ID).as("_done"))
          .unionByName(star.filter(col(ID).equalTo(col("_center")))
              .join(found, col("_center").equalTo(col(StoriesTable.STORY_ID)), "left_anti")
              .select(col("_center").as("_done")));
      if (round < ROUNDS) {
        edges = store.apply("story_edges_" + (round + 1), edges
            .join(done, col("_a").equalTo(col("_done")), "left_anti")
            .join(done, col("_b").equalTo(col("_done")), "left_anti"));
      }
    }
    return new Found(stories, allEdges);
  }

  /** The stories ({@link StoriesTable}) and the edges they were found from ({@code _a, _b, _sim}). */
  public record Found(Dataset<Row> stories, Dataset<Row> edges) {}

  /**
   * The {@code story_summary} table. {@code stories} is the {@code stories} table; {@code terms}
   * holds each candidate's {@code _id} and {@code _terms} ({@link #filterCandidates}); {@code
   * titles} holds {@code article_id, title}.
   */
  public static Dataset<Row> summarise(Dataset<Row> stories, Dataset<Row> terms,
      Dataset<Row> titles, Broadcast<double[]> idf) {
    HashingTF hashing = new HashingTF();
    hashing.setNumFeatures(FEATURES);
    UserDefinedFunction weight = udf((UDF1<String, Double>) t -> idf.value()[hashing.indexOf(t)],
        DataTypes.DoubleType);
    Dataset<Row> termWeights = stories.join(terms, col(StoriesTable.ARTICLE_ID).equalTo(col(ID)))
        .select(col(StoriesTable.STORY_ID), explode(array_distinct(col(TERMS))).as("_term"))
        .groupBy(col(StoriesTable.STORY_ID), col("_term")).count()
        .withColumn("_w", col("count").multiply(weight.apply(col("_term"))))
        .withColumn("_r", row_number().over(Window.partitionBy(col(StoriesTable.STORY_ID))
            .orderBy(col("_w").desc(), col("_term"))))
        .filter(col("_r").leq(TOP_TERMS))
        .groupBy(col(StoriesTable.STORY_ID).as("_t_story"))
        .agg(transform(array_sort(collect_list(struct(col("_r"), col("_term")))),
            x -> x.getField("_term")).as(StorySummaryTable.TOP_TERMS));
    Dataset<Row> headline = stories
        .withColumn("_r", row_number().over(Window.partitionBy(col(StoriesTable.STORY_ID))
            .orderBy(col(StoriesTable.SIMILARITY).desc(), col(StoriesTable.ARTICLE_ID))))
        .filter(col("_r").equalTo(1))
        .join(titles.select(col(ArticlesTable.ARTICLE_ID).as("_h_id"),
            col(ArticlesTable.TITLE)), col(StoriesTable.ARTICLE_ID).equalTo(col("_h_id")), "left")
        .select(col(StoriesTable.STORY_ID).as("_h_story"),
            col(ArticlesTable.TITLE).as(StorySummaryTable.HEADLINE),
            col(StoriesTable.ARTICLE_ID).as(StorySummaryTable.HEADLINE_ARTICLE_ID),
            col(StoriesTable.SOURCE).as(StorySummaryTable.HEADLINE_SOURCE));
    Dataset<Row> counts = stories.groupBy(col(StoriesTable.STORY_ID))
        .agg(min(col(StoriesTable.PUBLISHED)).as(StorySummaryTable.FIRST_PUBLISHED),
            max(col(StoriesTable.PUBLISHED)).as(StorySummaryTable.LAST_PUBLISHED),
            count(lit(1)).as(StorySummaryTable.N_ARTICLES),
            countDistinct(when(col(StoriesTable.COPY_OF).isNull(), col(StoriesTable.SOURCE)))
                .as(StorySummaryTable.N_SOURCES));
    return counts.join(termWeights, col(StoriesTable.STORY_ID).equalTo(col("_t_story")), "left")
        .join(headline, col(StoriesTable.STORY_ID).equalTo(col("_h_story")))
        .withColumn(StorySummaryTable.TOP_TERMS, coalesce(col(StorySummaryTable.TOP_TERMS),
            array().cast(DataTypes.createArrayType(DataTypes.StringType))))
        .drop("_t_story", "_h_story");
  }

  /** The {@value #KEY_TERMS} heaviest features of a vector (then the smaller index). */
  static List<Integer> keys(Vector v) {
    SparseVector s = v.toSparse();
    Integer[] order = new Integer[s.indices().length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> s.values()[a] != s.values()[b]
        ? Double.compare(s.values()[b], s.values()[a])
        : Integer.compare(s.indices()[a], s.indices()[b]));
    List<Integer> out = new ArrayList<>(KEY_TERMS);
    for (int i = 0; i < Math.min(KEY_TERMS, order.length); i++) {
      if (s.values()[order[i]] > 0) {
        out.add(s.indices()[order[i]]);
      }
    }
    return out;
  }

  /** The dot product of two sparse vectors (their cosine, at unit length). */
  static double dot(Vector x, Vector y) {
    SparseVector a = x.toSparse();
    SparseVector b = y.toSparse();
    int i = 0;
    int j = 0;
    double d = 0;
    int[] ai = a.indices();
    int[] bi = b.indices();
    while (i < ai.length && j < bi.length) {
      if (ai[i] == bi[j]) {
        d += a.values()[i++] * b.values()[j++];
      } else if (ai[i] < bi[j]) {
        i++;
      } else {
        j++;
      }
    }
    return d;
  }

  private static void requireColumns(Dataset<Row> df, String... names) {
    List<String> have = List.of(df.columns());
    for (String c : names) {
      if (!have.contains(c)) {
        throw new IllegalArgumentException("stories need column '" + c + "', the input has "
            + have);
      }
    }
  }
}
