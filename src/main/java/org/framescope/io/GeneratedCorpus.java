package org.framescope.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The folder a generated corpus is written to: staged, then published with its part files named
 * by their format (so ingest tells the format by itself) and {@value #PLANTED} beside them (a
 * name Spark's readers skip).
 */
public final class GeneratedCorpus {
  public static final String PLANTED = "_planted.json";

  private final FileSystem fs;
  private final Path root;
  private final Path staging;

  private GeneratedCorpus(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
    this.staging = new Path(root.getParent() == null ? root : root.getParent(),
        "." + root.getName() + ".staging");
  }

  /** Refuses an existing non-empty folder unless told to replace it. */
  public static void check(Configuration conf, String dir, boolean overwrite) {
    try {
      Path p = new Path(dir);
      FileSystem fs = p.getFileSystem(conf);
      if (fs.exists(p) && !overwrite && (!fs.getFileStatus(p).isDirectory()
          || fs.listStatus(p).length > 0)) {
        throw new IllegalArgumentException("output " + dir + " exists and is not empty: choose "
            + "another, or pass --overwrite to replace it");
      }
      if (fs.exists(p) && overwrite && !fs.exists(new Path(p, PLANTED))
          && fs.listStatus(p).length > 0) {
        throw new IllegalArgumentException("output " + dir + " is not a generated corpus (no "
            + PLANTED + "): framescope replaces only corpora it generated");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static GeneratedCorpus open(Configuration conf, String dir, boolean overwrite) {
    check(conf, dir, overwrite);
    try {
      Path p = new Path(dir);
      FileSystem fs = p.getFileSystem(conf);
      GeneratedCorpus c = new GeneratedCorpus(fs, fs.makeQualified(p));
      fs.delete(c.staging, true);
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String staging() {
    return staging.toString();
  }

  /** Renames part files to end in {@code extension}, writes the planted rates, moves in place. */
  public void publish(String extension, String plantedJson) {
    try {
      for (FileStatus f : fs.listStatus(staging)) {
        String name = f.getPath().getName();
        if (name.startsWith("part-") && !name.endsWith(extension)) {
          String base = name.replaceAll("\\.(txt|parquet)$", "");
          fs.rename(f.getPath(), new Path(staging, base.replace(".snappy", "") + extension));
        }
      }
      try (OutputStream o = fs.create(new Path(staging, PLANTED), true)) {
        o.write(plantedJson.getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(root, true);
      if (!fs.rename(staging, root)) {
        throw new IOException("could not move the corpus into " + root);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("publishing the corpus to " + root + " failed", e);
    }
  }
}
