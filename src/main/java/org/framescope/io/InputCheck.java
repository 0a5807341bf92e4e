package org.framescope.io;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.security.AccessControlException;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.framescope.corpus.InputFormat;

/**
 * Checks every file of an input before any record is read, so that an unreadable file is named
 * in one line instead of failing a task half-way through the job: a Parquet file must have a
 * valid footer; a compressed file must decompress to its end (a truncated {@code .gz} fails only
 * there); every file must open; a CSV file's header (and a text folder's {@code manifest.csv}'s)
 * must be valid UTF-8, since it names the columns. The files are checked in a Spark job, one task
 * per group of files, so on a cluster the reading happens where the data is; decompressing is
 * the only cost that grows with the corpus, and it is a fraction of parsing.
 *
 * <p>Not caught here: a Parquet file whose footer is sound but whose pages are corrupt, and bytes
 * that decompress but are not records (those are records Spark cannot parse, and go to the
 * rejects table one by one).
 */
public final class InputCheck {
  /** An input file that cannot be read, and why. */
  public record Unreadable(String file, String problem) implements Serializable {}

  /** The input's data files, and the unreadable ones among them. */
  public record Result(List<String> files, List<Unreadable> unreadable) {
    /** The files that passed the check. */
    public List<String> readable() {
      java.util.Set<String> bad = new java.util.HashSet<>();
      unreadable.forEach(u -> bad.add(u.file()));
      return files.stream().filter(f -> !bad.contains(f)).toList();
    }
  }

  private InputCheck() {}

  /** Lists and checks the data files of {@code input}. */
  public static Result run(SparkSession spark, String input, InputFormat format) {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> files = dataFiles(conf, input, format);
    Map<String, String> settings = new HashMap<>();
    conf.forEach(e -> settings.put(e.getKey(), e.getValue()));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = Math.max(1, Math.min(files.size(), 4 * jsc.defaultParallelism()));
    List<Unreadable> bad = jsc.parallelize(files, slices)
        .mapPartitions(paths -> {
          // One Hadoop configuration per task, not per file.
          Configuration taskConf = new Configuration(false);
          settings.forEach(taskConf::set);
          List<Unreadable> found = new ArrayList<>();
          while (paths.hasNext()) {
            Unreadable u = check(taskConf, paths.next(), format);
            if (u != null) {
              found.add(u);
            }
          }
          return found.iterator();
        })
        .collect();
    List<Unreadable> sorted = new ArrayList<>(bad);
    sorted.sort((a, b) -> a.file().compareTo(b.file()));
    return new Result(files, sorted);
  }

  /**
   * The data files of {@code input} (a file, folder or glob), sorted: every file under a folder
   * except those whose name, or a folder's name on the way, starts with "_" or "." (Spark's
   * readers skip them too); for the text format, the folder's {@code manifest.csv} and its
   * {@code .txt} files. Throws {@link IllegalArgumentException} when there are none.
   */
  static List<String> dataFiles(Configuration conf, String input, InputFormat format) {
    try {
      Path path = new Path(input);
      FileSystem fs = path.getFileSystem(conf);
      FileStatus[] matches = fs.globStatus(path);
      List<String> out = new ArrayList<>();
      for (FileStatus m : matches == null ? new FileStatus[0] : matches) {
        if (!m.isDirectory()) {
          if (format == InputFormat.TEXT && m.getPath().getName().equals("manifest.csv")) {
            addTextFolder(fs, m.getPath().getParent(), out);
          } else {
            out.add(m.getPath().toString());
          }
        } else if (format == InputFormat.TEXT) {
          addTextFolder(fs, m.getPath(), out);
        } else {
          RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
          String base = m.getPath().toUri().getPath();
          while (it.hasNext()) {
            Path f = it.next().getPath();
            if (!hidden(f.toUri().getPath().substring(base.length()))) {
              out.add(f.toString());
            }
          }
        }
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("input " + input + " holds no data files (names "
            + "starting with _ or . are skipped)");
      }
      out.sort(null);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list input " + input, e);
    }
  }

  private static void addTextFolder(FileSystem fs, Path folder, List<String> out)
      throws IOException {
    for (FileStatus f : fs.listStatus(folder)) {
      String name = f.getPath().getName();
      if (f.isFile() && (name.equals("manifest.csv") || name.endsWith(".txt"))) {
        out.add(f.getPath().toString());
      }
    }
  }

  /** A path as the user would write it: without "file:" for a local file. */
  static String display(String s) {
    return s.startsWith("file:/") && !s.startsWith("file://") ? s.substring("file:".length()) : s;
  }

  private static boolean hidden(String relative) {
    for (String part : relative.split("/")) {
      if (InputPaths.isHidden(part)) {
        return true;
      }
    }
    return false;
  }

  /** One file's check: null when it reads, else why not. */
  static Unreadable check(Configuration conf, String file, InputFormat format) {
    Path path = new Path(file);
    String name = path.getName().toLowerCase(Locale.ROOT);
    try {
      FileSystem fs = path.getFileSystem(conf);
      CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(path);
      if (format == InputFormat.PARQUET && codec == null) {
        try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(path, conf))) {
          r.getFooter();
        } catch (IOException | RuntimeException e) {
          if (isPermission(e)) {
            throw e;
          }
          String m = shortMessage(e, file);
          return new Unreadable(file, m.contains("is not a Parquet file")
              ? "not a Parquet file, or a truncated one (no Parquet footer at its end)"
              : "not a readable Parquet file (" + m + ")");
        }
        return null;
      }
      try (InputStream raw = fs.open(path);
           InputStream in = codec == null ? raw : codec.createInputStream(raw)) {
        boolean header = format == InputFormat.CSV
            || (format == InputFormat.TEXT && name.equals("manifest.csv"));
        if (header) {
          String bad = invalidUtf8InFirstLine(in);
          if (bad != null) {
            return new Unreadable(file, "its header (first line) is not valid UTF-8 (" + bad
                + ")");
          }
        }
        if (codec != null) {
          byte[] buf = new byte[1 << 16];
          while (in.read(buf) >= 0) {
            // Decompress to the end: a truncated stream fails only there.
          }
        } else if (!header) {
          in.read();
        }
      } catch (EOFException e) {
        return new Unreadable(file, "truncated: the compressed data ends early ("
            + shortMessage(e, file) + ")");
      } catch (IOException e) {
        if (isPermission(e)) {
          throw e;
        }
        return new Unreadable(file, (codec != null ? "cannot be decompressed (" : "cannot be read (")
            + shortMessage(e, file) + ")");
      }
      return null;
    } catch (IOException | RuntimeException e) {
      if (isPermission(e)) {
        return new Unreadable(file, "cannot be read: permission denied");
      }
      return new Unreadable(file, "cannot be read (" + shortMessage(e, file) + ")");
    }
  }

  private static boolean isPermission(Throwable e) {
    return e instanceof AccessControlException
        || (e instanceof FileNotFoundException && String.valueOf(e.getMessage())
            .contains("Permission denied"))
        || (e instanceof java.nio.file.AccessDeniedException);
  }

  /** Where the first line of {@code in} stops being UTF-8 ("byte 12"), or null. */
  private static String invalidUtf8InFirstLine(InputStream in) throws IOException {
    java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n' && line.size() < (1 << 20)) {
      line.write(b);
    }
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buf = ByteBuffer.wrap(line.toByteArray());
    java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(buf.remaining() + 1);
    java.nio.charset.CoderResult r = d.decode(buf, chars, true);
    if (!r.isError()) {
      r = d.flush(chars);
    }
    // On an error the buffer stands at the first byte that is not UTF-8.
    return r.isError() ? "byte " + (buf.position() + 1) : null;
  }

  /** The first line of an exception's message, without the file's path repeated in it. */
  private static String shortMessage(Throwable e, String file) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.lines().findFirst().orElse(m);
    String bare = new Path(file).toUri().getPath();
    m = m.replace(file, "").replace(bare, "").replaceAll("\\s+", " ").strip();
    return m.isEmpty() || m.equals(".") ? e.getClass().getSimpleName() : m;
  }

  /**
   * The one-line error for unreadable files: with {@code canSkip}, how to go on without them;
   * else that nothing else can be read (no readable file, or a text folder's manifest lost).
   */
  public static String message(Result r, boolean canSkip) {
    Unreadable first = r.unreadable().get(0);
    String more = r.unreadable().size() == 1 ? ""
        : " (and " + (r.unreadable().size() - 1) + " more unreadable files)";
    return "input file " + display(first.file()) + ": " + first.problem() + more + (canSkip
        ? "; pass --on-unreadable-file skip to go on without "
            + (r.unreadable().size() == 1 ? "it" : "them") + " (each is then a row in rejects)"
        : "; nothing else of the input can be read");
  }
}
