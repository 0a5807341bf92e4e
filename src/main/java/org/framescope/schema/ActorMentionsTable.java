package org.framescope.schema;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The {@code actor_mentions} table: one row per sentence (voice segment) and actor it names. */
public final class ActorMentionsTable {
  public static final String NAME = "actor_mentions";

  public static final String ARTICLE_ID = "article_id";
  public static final String SOURCE = "source";
  public static final String PUBLISHED = "published";
  public static final String ACTOR = "actor";
  public static final String VOICE = "voice";
  public static final String SENTENCE_INDEX = "sentence_index";
  public static final String COMPOUND = "compound";

  /** One mention as the sentiment pass builds it, before exploding. */
  public static final StructType MENTION = new StructType()
      .add(ACTOR, DataTypes.StringType, false)
      .add(VOICE, DataTypes.StringType, false)
      .add(SENTENCE_INDEX, DataTypes.IntegerType, false)
      .add(COMPOUND, DataTypes.DoubleType, false);

  public static final StructType SCHEMA = new StructType()
      .add(ARTICLE_ID, DataTypes.StringType, false)
      .add(SOURCE, DataTypes.StringType, false)
      .add(PUBLISHED, DataTypes.DateType, true)
      .add(ACTOR, DataTypes.StringType, false)
      .add(VOICE, DataTypes.StringType, false)
      .add(SENTENCE_INDEX, DataTypes.IntegerType, false)
      .add(COMPOUND, DataTypes.DoubleType, false);

  private ActorMentionsTable() {}
}
