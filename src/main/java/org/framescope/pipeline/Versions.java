package org.framescope.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/** The versions a run records in run.json (and {@code --version} prints). */
public final class Versions {
  private Versions() {}

  public static String framescope() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public static Map<String, Object> all() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("framescope", framescope());
    v.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    v.put("scala", scala.util.Properties.versionNumberString());
    v.put("java", System.getProperty("java.version"));
    return v;
  }
}
