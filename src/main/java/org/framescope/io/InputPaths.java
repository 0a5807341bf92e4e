package org.framescope.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.framescope.corpus.InputFormat;

/** Checks an input path and tells its format, before any data is read. */
public final class InputPaths {
  private InputPaths() {}

  /** A file or folder name that is not data, as for Spark's readers: it starts with "_" or ".". */
  static boolean isHidden(String name) {
    return name.startsWith("_") || name.startsWith(".");
  }

  /**
   * The format of {@code input}: {@code given} when set, else inferred from the extension, from a
   * {@code manifest.csv} in the folder, or from the extension of the folder's data files. Throws
   * {@link IllegalArgumentException} naming the path when nothing matches it or the format
   * cannot be told.
   */
  public static InputFormat resolve(Configuration conf, String input, InputFormat given) {
    try {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new IllegalArgumentException("input " + input + " does not exist");
      }
      if (given != null) {
        return given;
      }
      InputFormat byName = InputFormat.fromExtension(input);
      if (byName != null) {
        return byName;
      }
      for (FileStatus m : matches) {
        if (m.isDirectory()) {
          if (fs.exists(new Path(m.getPath(), "manifest.csv"))) {
            return InputFormat.TEXT;
          }
          for (FileStatus child : fs.listStatus(m.getPath())) {
            String name = child.getPath().getName();
            if (isHidden(name)) {
              continue;
            }
            InputFormat f = InputFormat.fromExtension(name);
            if (f != null && f != InputFormat.TEXT) {
              return f;
            }
          }
        } else {
          InputFormat f = InputFormat.fromExtension(m.getPath().getName());
          if (f != null) {
            return f;
          }
        }
      }
      throw new IllegalArgumentException("cannot tell the format of " + input
          + ": pass --format jsonl, csv, parquet or text");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read input " + input, e);
    }
  }
}
