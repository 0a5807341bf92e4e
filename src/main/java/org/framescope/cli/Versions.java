package org.framescope.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/** The versions a run records and {@code --version} prints. */
final class Versions implements CommandLine.IVersionProvider {
  static String framescope() {
    String v = Versions.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  static Map<String, Object> all() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("framescope", framescope());
    v.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    v.put("scala", scala.util.Properties.versionNumberString());
    v.put("java", System.getProperty("java.version"));
    return v;
  }

  @Override
  public String[] getVersion() {
    return all().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
        .toArray(String[]::new);
  }
}
