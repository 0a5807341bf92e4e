package org.framescope.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's output folder on any Hadoop file system, written so that a crash never leaves an
 * output that looks complete.
 *
 * <ul>
 *   <li>A folder is framescope's own when it holds the {@value #MARKER} file, written before
 *       anything else. framescope writes into an empty or missing folder, or one of its own; any
 *       other folder only with {@code --overwrite}, and even then it replaces only the tables it
 *       writes and never deletes anything else.
 *   <li>Tables are written under {@code _staging/<run>/}, a name Spark's readers skip. {@link
 *       #publish} first removes {@value #RUN_JSON}, then moves each table into place, and writes
 *       {@value #RUN_JSON} last: an output without it is incomplete.
 * </ul>
 */
public final class OutputFolder {
  private static final Logger LOG = LoggerFactory.getLogger(OutputFolder.class);

  public static final String MARKER = "_FRAMESCOPE";
  public static final String RUN_JSON = "run.json";
  static final String STAGING = "_staging";
  static final String WORK_PREFIX = "work_";

  private final FileSystem fs;
  private final Path root;
  private final Path staging;

  private OutputFolder(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
    this.staging = new Path(new Path(root, STAGING), UUID.randomUUID().toString());
  }

  /**
   * Checks that {@code dir} may be written, without writing anything. Throws {@link
   * IllegalArgumentException} naming the folder when it may not.
   */
  public static void check(Configuration conf, String dir, boolean overwrite) {
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return;
      }
      if (!fs.getFileStatus(root).isDirectory()) {
        throw new IllegalArgumentException("output " + dir + " is a file, not a folder");
      }
      FileStatus[] children = fs.listStatus(root);
      if (children.length == 0 || fs.exists(new Path(root, MARKER)) || overwrite) {
        return;
      }
      throw new IllegalArgumentException("output folder " + dir + " is not empty and is not a "
          + "framescope output (no " + MARKER + " in it): choose another folder, or pass "
          + "--overwrite to write framescope's tables into it (nothing else there is deleted)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect output folder " + dir, e);
    }
  }

  /** Opens {@code dir} for a run: checks it, marks it as framescope's and makes a staging area. */
  public static OutputFolder open(Configuration conf, String dir, boolean overwrite) {
    check(conf, dir, overwrite);
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(conf);
      // No ".crc" side files beside run.json and the marker on a local disk.
      fs.setWriteChecksum(false);
      OutputFolder out = new OutputFolder(fs, fs.makeQualified(root));
      fs.mkdirs(out.staging);
      Path marker = new Path(out.root, MARKER);
      if (!fs.exists(marker)) {
        try (OutputStream o = fs.create(marker, false)) {
          o.write("This folder is written by framescope.\n".getBytes(StandardCharsets.UTF_8));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare output folder " + dir, e);
    }
  }

  /** The folder's path, fully qualified. */
  public String root() {
    return root.toString();
  }

  /** The published location of {@code table}. */
  public String table(String table) {
    return new Path(root, table).toString();
  }

  /** Where a table of this run is written before {@link #publish}. */
  public String staged(String table) {
    return new Path(staging, table).toString();
  }

  /**
   * Writes {@code df} as a work table of this run (under staging, dropped when the run ends)
   * and returns it read back: what a stage reads more than once is computed once.
   */
  public Dataset<Row> stored(String name, Dataset<Row> df) {
    String path = staged(WORK_PREFIX + name);
    df.write().parquet(path);
    return df.sparkSession().read().parquet(path);
  }

  /** Whether {@code dir} holds a complete framescope output with {@code table} in it. */
  public static boolean hasTable(Configuration conf, String dir, String table) {
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(conf);
      return fs.exists(new Path(root, RUN_JSON)) && fs.exists(new Path(root, table));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect output folder " + dir, e);
    }
  }

  /** The run.json of the output in {@code dir}, or null. */
  public static String readRunJson(Configuration conf, String dir) {
    Path p = new Path(new Path(dir), RUN_JSON);
    try {
      FileSystem fs = p.getFileSystem(conf);
      if (!fs.exists(p)) {
        return null;
      }
      try (var in = fs.open(p)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  /** Whether a complete earlier output is here. */
  public boolean isComplete() {
    try {
      return fs.exists(new Path(root, RUN_JSON));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the published run.json, or null when there is none. */
  public String readRunJson() {
    return readRunJson(fs.getConf(), root.toString());
  }

  /**
   * Moves the staged {@code tables} into place, replacing earlier versions of those tables only,
   * removes the {@code stale} tables of an earlier run (framescope's own, made out of date by
   * this one), then writes {@code runJson}. Work tables staged but not named here are dropped with the
   * staging area.
   */
  public void publish(Collection<String> tables, Collection<String> stale, String runJson) {
    try {
      fs.delete(new Path(root, RUN_JSON), false);
      for (String table : stale) {
        fs.delete(new Path(root, table), true);
      }
      for (String table : tables) {
        Path target = new Path(root, table);
        if (fs.exists(target)) {
          fs.delete(target, true);
        }
        if (!fs.rename(new Path(staging, table), target)) {
          throw new IOException("could not move " + table + " into " + root);
        }
      }
      Path tmp = new Path(staging, RUN_JSON);
      try (OutputStream o = fs.create(tmp, true)) {
        o.write(runJson.getBytes(StandardCharsets.UTF_8));
      }
      if (!fs.rename(tmp, new Path(root, RUN_JSON))) {
        throw new IOException("could not move " + RUN_JSON + " into " + root);
      }
      LOG.info("published {} to {}", tables, root);
    } catch (IOException e) {
      throw new UncheckedIOException("publishing to " + root + " failed", e);
    } finally {
      discardStaging();
    }
  }

  /** Removes this run's staging area (after a failure, or once published). */
  public void discardStaging() {
    try {
      fs.delete(staging, true);
      Path parent = staging.getParent();
      if (fs.exists(parent) && fs.listStatus(parent).length == 0) {
        fs.delete(parent, false);
      }
    } catch (IOException e) {
      LOG.warn("could not remove staging folder {}: {}", staging, e.toString());
    }
  }

  /** The qualified URI of the folder. */
  public URI uri() {
    return root.toUri();
  }
}
