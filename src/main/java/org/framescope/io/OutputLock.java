package org.framescope.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer per output folder: the {@value #NAME} file, created only when absent (an atomic
 * create on a local disk and on HDFS), names its holder (host, process id, the process's start
 * and the lock's), and is refreshed every {@link #HEARTBEAT} while the run lasts.
 *
 * <p>A lock is stale, and is taken over with a warning, when its holder is on this host and that
 * process no longer runs (or the process id now belongs to a process started later), or when it
 * is on another host and was not refreshed for {@link #STALE_AFTER}. Two runs that find the same
 * stale lock at the same instant can both take it over: the take-over re-reads the lock just
 * before removing it, which narrows that window without closing it.
 */
public final class OutputLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final String NAME = "_LOCK";
  static final Duration HEARTBEAT = Duration.ofSeconds(30);
  static final Duration STALE_AFTER = Duration.ofMinutes(5);

  /** Who holds a lock, as its file says. */
  public record Holder(String host, long pid, String processStarted, String lockedAt,
      long refreshedMillis) {
    /** How the holder is named in a message. */
    public String describe() {
      return "host " + host + ", process " + pid + ", started " + lockedAt;
    }
  }

  private final FileSystem fs;
  private final Path path;
  private final ScheduledExecutorService heartbeat;

  private OutputLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "framescope-lock-heartbeat");
      t.setDaemon(true);
      return t;
    });
    long every = HEARTBEAT.toMillis();
    heartbeat.scheduleAtFixedRate(this::refresh, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Takes the lock of the folder {@code root} (which must exist), taking over a stale one.
   * Throws {@link IllegalArgumentException} naming the holder when another live run holds it.
   */
  public static OutputLock acquire(FileSystem fs, Path root) {
    Path path = new Path(root, NAME);
    try {
      for (int attempt = 0; attempt < 3; attempt++) {
        if (create(fs, path)) {
          return new OutputLock(fs, path);
        }
        Optional<Holder> holder = read(fs, path);
        if (holder.isEmpty()) {
          continue;
        }
        Holder h = holder.get();
        if (!isStale(h)) {
          throw new IllegalArgumentException(inUse(root, h));
        }
        Optional<Holder> again = read(fs, path);
        if (again.isPresent() && again.get().equals(h)) {
          LOG.warn("output {}: took over the lock of a run that is no longer running ({})",
              root, h.describe());
          fs.delete(path, false);
        }
      }
      throw new IllegalStateException("output " + root + ": could not take its lock " + path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock output folder " + root, e);
    }
  }

  /** The live holder of {@code root}'s lock, if a run other than a stale one holds it. */
  public static Optional<Holder> liveHolder(FileSystem fs, Path root) {
    try {
      return read(fs, new Path(root, NAME)).filter(h -> !isStale(h));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lock of output folder " + root, e);
    }
  }

  static String inUse(Path root, Holder h) {
    return "output " + root + " is being written by another run (" + h.describe()
        + "); wait for it to finish, or choose another --output";
  }

  private static boolean create(FileSystem fs, Path path) throws IOException {
    ProcessHandle self = ProcessHandle.current();
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("host", hostName());
    content.put("pid", self.pid());
    content.put("process_started", self.info().startInstant().map(Instant::toString).orElse(""));
    content.put("locked_at", Instant.now().toString());
    byte[] bytes = JSON.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
    if (fs instanceof LocalFileSystem local) {
      // The local file system's create checks, then creates: not atomic. The JDK's is.
      try {
        java.nio.file.Files.write(local.pathToFile(path).toPath(), bytes,
            java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream o = fs.create(path, false)) {
      o.write(bytes);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      // The local file system reports an existing file with a plain IOException.
      if (fs.exists(path)) {
        return false;
      }
      throw e;
    }
  }

  private static Optional<Holder> read(FileSystem fs, Path path) throws IOException {
    try (var in = fs.open(path)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      long refreshed = fs.getFileStatus(path).getModificationTime();
      if (text.isBlank()) {
        // Created but not yet written: a holder that has just started.
        return Optional.of(new Holder("?", -1, "", "just now", refreshed));
      }
      Map<?, ?> m = JSON.readValue(text, Map.class);
      return Optional.of(new Holder(String.valueOf(m.get("host")),
          ((Number) m.get("pid")).longValue(), String.valueOf(m.get("process_started")),
          String.valueOf(m.get("locked_at")), refreshed));
    } catch (java.io.FileNotFoundException e) {
      return Optional.empty();
    } catch (com.fasterxml.jackson.core.JacksonException | ClassCastException
        | NullPointerException e) {
      // Not a lock framescope wrote: treat it as a holder that never refreshes.
      return Optional.of(new Holder("?", -1, "", "unknown", 0));
    }
  }

  static boolean isStale(Holder h) {
    if (h.host().equals(hostName()) && h.pid() > 0) {
      Optional<ProcessHandle> p = ProcessHandle.of(h.pid());
      if (p.isEmpty() || !p.get().isAlive()) {
        return true;
      }
      // A process of that id started at another time is another process (the id was reused).
      // Two JVMs can see the same process's start a second apart: Linux derives it from the
      // boot time, which each JVM reads once and which moves as the clock is adjusted.
      Optional<Instant> started = p.get().info().startInstant();
      Instant recorded = parseInstant(h.processStarted());
      return started.isPresent() && recorded != null
          && Math.abs(Duration.between(started.get(), recorded).toMillis())
              > START_TOLERANCE.toMillis();
    }
    return System.currentTimeMillis() - h.refreshedMillis() > STALE_AFTER.toMillis();
  }

  /** How far apart two readings of one process's start may be. */
  static final Duration START_TOLERANCE = Duration.ofSeconds(3);

  private static Instant parseInstant(String s) {
    try {
      return s == null || s.isEmpty() ? null : Instant.parse(s);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private void refresh() {
    try {
      fs.setTimes(path, System.currentTimeMillis(), -1);
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not refresh the lock {}: {}", path, e.toString());
    }
  }

  /** Releases the lock. */
  @Override
  public void close() {
    heartbeat.shutdownNow();
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      LOG.warn("could not remove the lock {}: {}", path, e.toString());
    }
  }
}
