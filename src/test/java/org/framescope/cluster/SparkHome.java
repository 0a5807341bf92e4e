package org.framescope.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A SPARK_HOME for the cluster tests: {@code jars/} holds Spark's runtime jars (Maven's copy,
 * without framescope's own libraries, which travel in the job jar as on a real cluster) and
 * {@code bin/spark-submit} starts SparkSubmit on them, with {@code HADOOP_CONF_DIR} and
 * {@code YARN_CONF_DIR} on the classpath as Spark's own launcher puts them.
 */
final class SparkHome {
  private SparkHome() {}

  static Path create(Path dir, Path jars) throws IOException {
    Path home = Files.createDirectories(dir);
    Files.createSymbolicLink(home.resolve("jars"), jars);
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path submit = bin.resolve("spark-submit");
    Files.writeString(submit, "#!/usr/bin/env bash\n"
        + "cp=\"$SPARK_HOME/jars/*\"\n"
        + "[[ -n \"${YARN_CONF_DIR:-}\" ]] && cp=\"$YARN_CONF_DIR:$cp\"\n"
        + "[[ -n \"${HADOOP_CONF_DIR:-}\" ]] && cp=\"$HADOOP_CONF_DIR:$cp\"\n"
        + "exec java $SPARK_SUBMIT_OPTS -cp \"$cp\" org.apache.spark.deploy.SparkSubmit \"$@\"\n");
    if (!submit.toFile().setExecutable(true)) {
      throw new IOException("cannot make " + submit + " executable");
    }
    return home;
  }
}
