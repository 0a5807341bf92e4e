package org.framescope.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
 * output that looks complete, and so that the next run (or {@code repair}) finishes what a crash
 * interrupted.
 *
 * <ul>
 *   <li>A folder is framescope's own when it holds the {@value #MARKER} file, written before
 *       anything else. framescope writes into an empty or missing folder, or one of its own; any
 *       other folder only with {@code --overwrite}, and even then it replaces only the tables it
 *       writes and never deletes anything else.
 *   <li>One run at a time: {@link OutputLock} ({@value OutputLock#NAME}) is taken when the folder
 *       is opened and released when the run ends.
 *   <li>Tables are written under {@code _staging/<run>/}, a name Spark's readers skip.
 *   <li>{@link #publish} first writes a journal ({@value #JOURNAL}: the tables to move, the
 *       stale ones to remove, the new {@value #RUN_JSON}) into the staging area, by a rename, so
 *       it is there whole or not at all. Then it removes {@value #RUN_JSON}, removes the stale
 *       tables, replaces each table by its staged version, writes {@value #RUN_JSON} last and
 *       drops the staging area. An output without {@value #RUN_JSON} is incomplete.
 *   <li>{@link #recover}, run whenever the folder is opened (and by {@code repair}), reads any
 *       journal left by a run that stopped while publishing and finishes it: every table the
 *       journal names is staged whole before the journal exists, and a table already moved is no
 *       longer staged, so finishing is always possible and doing it twice is harmless. A staging
 *       area without a journal is a run that stopped before publishing: it is removed, and the
 *       earlier output was never touched. So after a crash at any instant the folder holds the
 *       earlier complete output, or the new one once recovered. This rests on rename being
 *       atomic (a local disk, HDFS); see the README for object stores.
 * </ul>
 */
public final class OutputFolder {
  private static final Logger LOG = LoggerFactory.getLogger(OutputFolder.class);

  public static final String MARKER = "_FRAMESCOPE";
  public static final String RUN_JSON = "run.json";
  static final String STAGING = "_staging";
  static final String JOURNAL = "_PUBLISHING";
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();
  static final String WORK_PREFIX = "work_";

  private final FileSystem fs;
  private final Path root;
  private final Path staging;
  private final OutputLock lock;

  private OutputFolder(FileSystem fs, Path root, OutputLock lock) {
    this.fs = fs;
    this.root = root;
    this.staging = new Path(new Path(root, STAGING), UUID.randomUUID().toString());
    this.lock = lock;
  }

  /** What a journal says to publish. */
  record Journal(List<String> tables, List<String> stale, String runJson) {}

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
      java.util.Optional<OutputLock.Holder> holder = OutputLock.liveHolder(fs, root);
      if (holder.isPresent()) {
        throw new IllegalArgumentException(OutputLock.inUse(root, holder.get()));
      }
      long children = java.util.Arrays.stream(fs.listStatus(root))
          .filter(c -> !c.getPath().getName().equals(OutputLock.NAME)).count();
      if (children == 0 || fs.exists(new Path(root, MARKER)) || overwrite) {
        return;
      }
      throw new IllegalArgumentException("output folder " + dir + " is not empty and is not a "
          + "framescope output (no " + MARKER + " in it): choose another folder, or pass "
          + "--overwrite to write framescope's tables into it (nothing else there is deleted)");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect output folder " + dir, e);
    }
  }

  /**
   * Opens {@code dir} for a run: checks it, takes its lock, finishes any publishing a crash
   * interrupted, marks it as framescope's and makes a staging area. {@link #close} releases the
   * lock.
   */
  public static OutputFolder open(Configuration conf, String dir, boolean overwrite) {
    check(conf, dir, overwrite);
    Path root = new Path(dir);
    OutputLock lock = null;
    try {
      FileSystem fs = root.getFileSystem(conf);
      // No ".crc" side files beside run.json and the marker on a local disk.
      fs.setWriteChecksum(false);
      root = fs.makeQualified(root);
      fs.mkdirs(root);
      lock = OutputLock.acquire(fs, root);
      // Only framescope's own folder has staging areas and journals of framescope's to recover:
      // in a foreign folder (--overwrite) a "_staging" is someone else's and is left alone.
      String recovered = fs.exists(new Path(root, MARKER)) ? recover(fs, root) : null;
      if (recovered != null) {
        LOG.warn("output {}: {}", root, recovered);
      }
      OutputFolder out = new OutputFolder(fs, root, lock);
      fs.mkdirs(out.staging);
      Path marker = new Path(out.root, MARKER);
      if (!fs.exists(marker)) {
        try (OutputStream o = fs.create(marker, false)) {
          o.write("This folder is written by framescope.\n".getBytes(StandardCharsets.UTF_8));
        }
      }
      return out;
    } catch (IOException e) {
      if (lock != null) {
        lock.close();
      }
      throw new UncheckedIOException("cannot prepare output folder " + dir, e);
    } catch (RuntimeException e) {
      if (lock != null) {
        lock.close();
      }
      throw e;
    }
  }

  /**
   * The {@code repair} command: takes the lock of the framescope output in {@code dir} (taking
   * over a stale one) and finishes what a crash interrupted. Returns what was done, or null when
   * there was nothing to do.
   */
  public static String repair(Configuration conf, String dir) {
    Path root = new Path(dir);
    try {
      FileSystem fs = root.getFileSystem(conf);
      fs.setWriteChecksum(false);
      if (!fs.exists(new Path(root, MARKER))) {
        throw new IllegalArgumentException(dir + " is not a framescope output (no " + MARKER
            + " in it)");
      }
      try (OutputLock lock = OutputLock.acquire(fs, fs.makeQualified(root))) {
        return recover(fs, fs.makeQualified(root));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot repair output folder " + dir, e);
    }
  }

  /** Whether a publishing that a crash interrupted waits to be finished in {@code dir}. */
  public static boolean pendingPublish(Configuration conf, String dir) {
    try {
      Path area = new Path(new Path(dir), STAGING);
      FileSystem fs = area.getFileSystem(conf);
      if (!fs.exists(area)) {
        return false;
      }
      for (FileStatus run : fs.listStatus(area)) {
        if (fs.exists(new Path(run.getPath(), JOURNAL))) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inspect output folder " + dir, e);
    }
  }

  /**
   * Finishes every publishing a journal records and removes the staging areas of runs that
   * stopped before publishing; the caller holds the lock, so no run is using them. Returns what
   * was done, or null when nothing was.
   */
  static String recover(FileSystem fs, Path root) throws IOException {
    Path area = new Path(root, STAGING);
    if (!fs.exists(area)) {
      return null;
    }
    List<String> done = new ArrayList<>();
    for (FileStatus run : fs.listStatus(area)) {
      if (!run.isDirectory() || !isRunId(run.getPath().getName())) {
        continue; // Not a staging area framescope made: not ours to touch.
      }
      Path journal = new Path(run.getPath(), JOURNAL);
      if (fs.exists(journal)) {
        Journal j;
        try (var in = fs.open(journal)) {
          j = JSON.readValue((java.io.InputStream) in, Journal.class);
        }
        finish(fs, root, run.getPath(), j);
        done.add("finished publishing " + j.tables().size() + " tables that a run stopped "
            + "while publishing (" + run.getPath().getName() + ")");
      } else {
        fs.delete(run.getPath(), true);
        done.add("removed the staging area of a run that stopped before publishing ("
            + run.getPath().getName() + ")");
      }
    }
    if (fs.exists(area) && fs.listStatus(area).length == 0) {
      fs.delete(area, false);
    }
    return done.isEmpty() ? null : String.join("; ", done);
  }

  /** Whether {@code name} is a run's staging area's name (a random UUID). */
  private static boolean isRunId(String name) {
    try {
      return UUID.fromString(name).toString().equals(name);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The steps of publishing after the journal; each may be done again after a crash. */
  private static void finish(FileSystem fs, Path root, Path staging, Journal j)
      throws IOException {
    Path runJson = new Path(root, RUN_JSON);
    Faults.step();
    fs.delete(runJson, false);
    for (String table : j.stale()) {
      Faults.step();
      fs.delete(new Path(root, table), true);
    }
    for (String table : j.tables()) {
      Path staged = new Path(staging, table);
      Path target = new Path(root, table);
      if (fs.exists(staged)) {
        Faults.step();
        fs.delete(target, true);
        Faults.step();
        if (!fs.rename(staged, target)) {
          throw new IOException("could not move " + table + " into " + root);
        }
      } else if (!fs.exists(target)) {
        throw new IOException("table " + table + " is neither staged nor in " + root);
      }
    }
    Path tmp = new Path(staging, RUN_JSON);
    Faults.step();
    try (OutputStream o = fs.create(tmp, true)) {
      o.write(j.runJson().getBytes(StandardCharsets.UTF_8));
    }
    Faults.step();
    if (!fs.rename(tmp, runJson)) {
      throw new IOException("could not move " + RUN_JSON + " into " + root);
    }
    Faults.step();
    fs.delete(staging, true);
    Path area = staging.getParent();
    if (fs.exists(area) && fs.listStatus(area).length == 0) {
      fs.delete(area, false);
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

  /** Writes a file of this run into staging, to be published by name like a table. */
  public void writeStaged(String name, byte[] content) {
    try (OutputStream o = fs.create(new Path(staging, name), true)) {
      o.write(content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + name + " in " + staging, e);
    }
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
   * this one), then writes {@code runJson}; through a journal, so that a crash at any step is
   * finished by the next {@link #open} or {@link #repair}. Work tables staged but not named here
   * are dropped with the staging area.
   */
  public void publish(Collection<String> tables, Collection<String> stale, String runJson) {
    Journal j = new Journal(List.copyOf(tables), List.copyOf(stale), runJson);
    try {
      Path tmp = new Path(staging, JOURNAL + ".tmp");
      Faults.step();
      try (OutputStream o = fs.create(tmp, true)) {
        o.write(JSON.writeValueAsBytes(j));
      }
      Faults.step();
      if (!fs.rename(tmp, new Path(staging, JOURNAL))) {
        throw new IOException("could not write the publishing journal in " + staging);
      }
    } catch (IOException e) {
      discardStaging();
      throw new UncheckedIOException("publishing to " + root + " failed", e);
    }
    try {
      finish(fs, root, staging, j);
      LOG.info("published {} to {}", tables, root);
    } catch (IOException e) {
      throw new UncheckedIOException("publishing to " + root + " stopped half-way (" + e.getMessage()
          + "): run 'framescope repair --output " + root + "' to finish it", e);
    }
  }

  /**
   * Removes this run's staging area (after a failure, or once published), unless a journal in
   * it says publishing began: then only recovery may touch it.
   */
  public void discardStaging() {
    try {
      if (fs.exists(new Path(staging, JOURNAL))) {
        return;
      }
      fs.delete(staging, true);
      Path parent = staging.getParent();
      if (fs.exists(parent) && fs.listStatus(parent).length == 0) {
        fs.delete(parent, false);
      }
    } catch (IOException e) {
      LOG.warn("could not remove staging folder {}: {}", staging, e.toString());
    }
  }

  /** Releases the folder's lock; the run is over. */
  public void close() {
    lock.close();
  }

  /** The qualified URI of the folder. */
  public URI uri() {
    return root.toUri();
  }
}
