package org.framescope.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.framescope.lexicon.Lexicon;
import org.framescope.lexicon.LexiconException;
import org.framescope.lexicon.LexiconParser;
import org.framescope.sentiment.ValenceLexicon;

/**
 * Reads a lexicon: a built-in one by its name ({@code syria}, {@code immigration}: they travel in
 * the job jar), or a YAML file on any Hadoop file system.
 */
public final class LexiconFiles {
  static final String BUILTIN = "/org/framescope/lexicon/builtin/";
  /** The largest lexicon file read: lexicons are lists of phrases, not corpora. */
  static final long MAX_BYTES = 16L << 20;

  private LexiconFiles() {}

  /** Whether {@code spec} names a built-in lexicon rather than a path. */
  public static boolean isBuiltin(String spec) {
    return spec.matches("[a-z][a-z0-9_]*");
  }

  public static Lexicon read(Configuration conf, String spec) {
    return LexiconParser.parse(bytes(conf, spec), spec);
  }

  /** A valence lexicon: the built-in {@code vader}, or a file in its format. */
  public static ValenceLexicon readValence(Configuration conf, String spec) {
    if ("vader".equals(spec)) {
      return ValenceLexicon.builtin();
    }
    if (isBuiltin(spec)) {
      throw new LexiconException(spec, 0, "no built-in valence lexicon of that name (built in: "
          + "vader); give a path to a file for your own");
    }
    return ValenceLexicon.parse(bytes(conf, spec), spec);
  }

  static byte[] bytes(Configuration conf, String spec) {
    if (isBuiltin(spec)) {
      try (InputStream in = LexiconFiles.class.getResourceAsStream(BUILTIN + spec + ".yaml")) {
        if (in == null) {
          throw new LexiconException(spec, 0,
              "no built-in lexicon of that name (built in: syria, immigration); give a path to "
                  + "a YAML file for your own");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Path path = new Path(spec);
    try {
      FileSystem fs = path.getFileSystem(conf);
      if (!fs.exists(path)) {
        throw new LexiconException(spec, 0, "no such file");
      }
      long size = fs.getFileStatus(path).getLen();
      if (size > MAX_BYTES) {
        throw new LexiconException(spec, 0, "the file has " + size + " bytes, more than a "
            + "lexicon can (" + MAX_BYTES + ")");
      }
      try (FSDataInputStream in = fs.open(path)) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon " + spec, e);
    }
  }
}
