package org.framescope;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One SparkSession for the whole test JVM, kept in JUnit's root store and stopped once when the
 * suite ends. Spark NLP pins the first session of a JVM, so a session per test class would break
 * it. Test classes get it as a parameter: {@code @ExtendWith(SparkExtension.class)}.
 */
public final class SparkExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(SparkExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return c.getRoot().getStore(NS)
        .getOrComputeIfAbsent("session", k -> new Closeable(start()), Closeable.class)
        .spark;
  }

  private static SparkSession start() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("framescope-tests")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
  }

  private static final class Closeable implements AutoCloseable {
    final SparkSession spark;

    Closeable(SparkSession spark) {
      this.spark = spark;
    }

    @Override
    public void close() {
      spark.stop();
    }
  }
}
