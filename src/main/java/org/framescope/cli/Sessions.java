package org.framescope.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Starts the job's SparkSession: local unless a master is given or spark-submit set one. */
final class Sessions {
  private Sessions() {}

  static SparkSession start(String command, String master) {
    SparkConf given = new SparkConf();
    SparkSession.Builder b = SparkSession.builder().appName("framescope " + command);
    if (master != null) {
      b.master(master);
    } else if (!given.contains("spark.master")) {
      b.master("local[*]");
    }
    b.config("spark.sql.session.timeZone", "UTC");
    if (!given.contains("spark.ui.showConsoleProgress")) {
      b.config("spark.ui.showConsoleProgress", "true");
    }
    return b.getOrCreate();
  }
}
