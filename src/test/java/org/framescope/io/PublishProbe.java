package org.framescope.io;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A child JVM for the crash and lock tests, using {@link OutputFolder} as a run does, without
 * Spark (whose start would cost seconds a step):
 *
 * <ul>
 *   <li>{@code publish DIR LABEL TABLE... -- STALE...}: opens DIR, stages each table (a folder
 *       with one file holding "LABEL:TABLE"), publishes them with a run.json of {@code
 *       {"run":"LABEL"}}, removing the stale tables. With {@value Faults#PROPERTY} set it halts
 *       at that step.
 *   <li>{@code hold DIR}: opens DIR, prints "locked", and waits to be killed.
 * </ul>
 */
public final class PublishProbe {
  private PublishProbe() {}

  public static void main(String[] args) throws Exception {
    Configuration conf = new Configuration();
    OutputFolder out = OutputFolder.open(conf, args[1], false);
    if (args[0].equals("hold")) {
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
    String label = args[2];
    List<String> rest = List.of(args).subList(3, args.length);
    int split = rest.indexOf("--");
    List<String> tables = split < 0 ? rest : rest.subList(0, split);
    List<String> stale = split < 0 ? List.of() : rest.subList(split + 1, rest.size());
    stage(conf, out, label, tables);
    out.publish(tables, stale, "{\"run\":\"" + label + "\"}");
    out.close();
  }

  /** Stages each of {@code tables} as a folder with one file naming the run and table. */
  static void stage(Configuration conf, OutputFolder out, String label, List<String> tables)
      throws java.io.IOException {
    for (String t : tables) {
      Path part = new Path(out.staged(t), "part-0");
      FileSystem fs = part.getFileSystem(conf);
      try (OutputStream o = fs.create(part, true)) {
        o.write((label + ":" + t).getBytes(StandardCharsets.UTF_8));
      }
    }
  }
}
