package org.framescope.features;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.framescope.text.Token;
import org.framescope.text.Voice;

/**
 * A task's own-voice term counts per source, held until {@link #isFull()} and then handed on in
 * {@value #BUCKETS} buckets by term ({@link #drain()}) and started afresh, so a task holds at
 * most {@value #LIMIT} counts whatever the size of its partition. Sum the drained counts per
 * term and source for the corpus's; a term is always in the same bucket.
 *
 * <p>What is counted: every word of the outlet's own voice, and every pair of such words
 * adjacent in a sentence (a hyphen allowed between them; any other punctuation or a quoted word
 * breaks the pair) unless a word of it is a stop word. A pair with a stop word is counted only
 * in the article's number of pairs ({@link #ownPairs}): keyness ranks no such pair, and
 * they are two fifths of all the distinct pairs of a source (on 50,000 generated articles, 5.1
 * of 12.6 million source-term counts).
 *
 * <p>Words are numbered in a dictionary of the batch, and a count's key is one {@code long}
 * (the pair's order, the source's number and the two words' numbers) in an open-addressing table
 * of primitive longs: no object per word or pair until a batch is drained. A drained bucket is
 * one byte array (its sources, then each count's source, term and uses as UTF-8 and varints):
 * stored and shuffled as bytes, not as a row per count (which cost a third of the analysis
 * pass's time on 50,000 generated articles).
 */
public final class TermCounter {
  /** Distinct (source, term) counts a batch holds at most (about 40 MB of table). */
  static final int LIMIT = 1_000_000;
  /** The buckets a batch is drained into; a later task sums any number of them. */
  public static final int BUCKETS = 4096;
  private static final int WORD_BITS = 22;
  private static final int SOURCE_BITS = 19;
  private static final long WORD_MASK = (1L << WORD_BITS) - 1;
  private static final long SOURCE_MASK = (1L << SOURCE_BITS) - 1;
  private static final long EMPTY = -1L;

  /** One count: the source, the term (two words with a space between for a pair), its uses. */
  public record Count(String source, String term, long uses) {
    public int ngram() {
      return term.indexOf(' ') < 0 ? 1 : 2;
    }
  }

  /** One bucket of a drained batch: its number, how many counts it holds, and their bytes. */
  public record Bucket(int bucket, int counts, byte[] bytes) {}

  private final Set<String> stopWords;
  private final Map<String, Integer> sourceIds = new HashMap<>();
  private final List<String> sources = new ArrayList<>();
  private final Map<String, Integer> wordIds = new HashMap<>();
  private final List<String> words = new ArrayList<>();
  private boolean[] stop = new boolean[1024];
  private long[] keys;
  private long[] values;
  private int size;

  /** @param stopWords words (normal forms) whose pairs are not counted one by one */
  public TermCounter(Set<String> stopWords) {
    this.stopWords = stopWords;
    allocate(1 << 16);
  }

  /**
   * Counts the own-voice words and word pairs of one sentence's {@code tokens} ({@code voices}:
   * their voices) for {@code source}.
   */
  void count(String source, List<Token> tokens, Voice[] voices) {
    int s = sourceId(source);
    int previous = -1;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isWord()) {
        if (!t.isHyphen()) {
          previous = -1;
        }
        continue;
      }
      if (!voices[i].isOwn()) {
        previous = -1;
        continue;
      }
      int w = wordId(t.norm());
      add(key(1, s, w, 0));
      if (previous >= 0 && !stop[previous] && !stop[w]) {
        add(key(2, s, previous, w));
      }
      previous = w;
    }
  }

  /**
   * The own-voice pairs of one sentence, stop words or not, as {@link #count} walks them: the
   * denominator of every pair's rate.
   */
  static int ownPairs(List<Token> tokens, Voice[] voices) {
    int pairs = 0;
    boolean previous = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isWord()) {
        previous &= t.isHyphen();
        continue;
      }
      if (!voices[i].isOwn()) {
        previous = false;
        continue;
      }
      pairs += previous ? 1 : 0;
      previous = true;
    }
    return pairs;
  }

  /**
   * Whether the batch should be drained before the next article. (Each word and each source has
   * a count of its own, so neither numbering can outgrow its bits before the counts reach
   * {@value #LIMIT}, but for an article of millions of distinct words.)
   */
  public boolean isFull() {
    return size >= LIMIT;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The batch's counts by bucket (empty buckets left out); the counter is empty afterwards. */
  public List<Bucket> drain() {
    byte[][] utf8 = new byte[words.size()][];
    byte[][] sourceBytes = new byte[sources.size()][];
    for (int s = 0; s < sourceBytes.length; s++) {
      sourceBytes[s] = sources.get(s).getBytes(StandardCharsets.UTF_8);
    }
    Writer[] writers = new Writer[BUCKETS];
    for (int i = 0; i < keys.length; i++) {
      long k = keys[i];
      if (k == EMPTY) {
        continue;
      }
      boolean pair = k >>> 63 == 1;
      int source = (int) ((k >>> (2 * WORD_BITS)) & SOURCE_MASK);
      byte[] first = bytes(utf8, (int) ((k >>> WORD_BITS) & WORD_MASK));
      byte[] second = pair ? bytes(utf8, (int) (k & WORD_MASK)) : null;
      long h = hash(first, 0xCBF29CE484222325L);
      if (pair) {
        h = hash(second, (h ^ ' ') * 0x100000001B3L);
      }
      int bucket = (int) Long.remainderUnsigned(mix(h), BUCKETS);
      Writer w = writers[bucket] == null ? writers[bucket] = new Writer() : writers[bucket];
      w.add(source, sourceBytes[source], first, second, values[i]);
    }
    List<Bucket> out = new ArrayList<>();
    for (int b = 0; b < BUCKETS; b++) {
      if (writers[b] != null) {
        out.add(new Bucket(b, writers[b].counts, writers[b].finish()));
      }
    }
    sourceIds.clear();
    sources.clear();
    wordIds.clear();
    words.clear();
    allocate(1 << 16);
    return out;
  }

  /** What reads a drained bucket: one call per count. */
  public interface CountSink {
    void accept(String source, String term, long uses);
  }

  /** Reads the counts of one drained bucket's bytes into {@code sink}, in no order. */
  public static void decode(byte[] bytes, CountSink sink) {
    int[] at = {0};
    int nSources = (int) readVarint(bytes, at);
    String[] names = new String[nSources];
    for (int s = 0; s < nSources; s++) {
      names[s] = readString(bytes, at);
    }
    while (at[0] < bytes.length) {
      String source = names[(int) readVarint(bytes, at)];
      String term = readString(bytes, at);
      sink.accept(source, term, readVarint(bytes, at));
    }
  }

  /** The counts of one drained bucket's bytes. */
  public static List<Count> decode(byte[] bytes) {
    List<Count> out = new ArrayList<>();
    decode(bytes, (source, term, uses) -> out.add(new Count(source, term, uses)));
    return out;
  }

  /** One bucket's bytes as they are written: its sources first, then its counts. */
  private static final class Writer {
    private final Map<Integer, Integer> local = new HashMap<>();
    private final List<byte[]> names = new ArrayList<>();
    private byte[] body = new byte[256];
    private int length;
    int counts;

    void add(int source, byte[] name, byte[] first, byte[] second, long uses) {
      Integer s = local.get(source);
      if (s == null) {
        s = names.size();
        local.put(source, s);
        names.add(name);
      }
      int termLength = first.length + (second == null ? 0 : 1 + second.length);
      ensure(10 + 5 + termLength + 10);
      length = writeVarint(body, length, s);
      length = writeVarint(body, length, termLength);
      System.arraycopy(first, 0, body, length, first.length);
      length += first.length;
      if (second != null) {
        body[length++] = ' ';
        System.arraycopy(second, 0, body, length, second.length);
        length += second.length;
      }
      length = writeVarint(body, length, uses);
      counts++;
    }

    byte[] finish() {
      int header = 5;
      for (byte[] n : names) {
        header += 5 + n.length;
      }
      byte[] out = new byte[header + length];
      int at = writeVarint(out, 0, names.size());
      for (byte[] n : names) {
        at = writeVarint(out, at, n.length);
        System.arraycopy(n, 0, out, at, n.length);
        at += n.length;
      }
      System.arraycopy(body, 0, out, at, length);
      return Arrays.copyOf(out, at + length);
    }

    private void ensure(int more) {
      if (length + more > body.length) {
        body = Arrays.copyOf(body, Math.max(body.length * 2, length + more));
      }
    }
  }

  private byte[] bytes(byte[][] cache, int word) {
    byte[] b = cache[word];
    return b != null ? b : (cache[word] = words.get(word).getBytes(StandardCharsets.UTF_8));
  }

  private static long key(int ngram, int source, int first, int second) {
    return (long) (ngram - 1) << 63 | (long) source << (2 * WORD_BITS)
        | (long) first << WORD_BITS | second;
  }

  private int sourceId(String source) {
    Integer id = sourceIds.get(source);
    if (id == null) {
      id = sources.size();
      sourceIds.put(source, id);
      sources.add(source);
    }
    return id;
  }

  private int wordId(String word) {
    Integer id = wordIds.get(word);
    if (id == null) {
      id = words.size();
      if (id >= WORD_MASK) {
        throw new IllegalStateException("an article with more than " + WORD_MASK
            + " distinct words");
      }
      wordIds.put(word, id);
      words.add(word);
      if (id == stop.length) {
        stop = Arrays.copyOf(stop, stop.length * 2);
      }
      stop[id] = stopWords.contains(word);
    }
    return id;
  }

  private void add(long key) {
    int mask = keys.length - 1;
    int i = (int) mix(key) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        values[i]++;
        return;
      }
      if (k == EMPTY) {
        keys[i] = key;
        values[i] = 1;
        if (++size * 2 > keys.length) {
          grow();
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    long[] oldValues = values;
    allocate(keys.length * 2);
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      long k = oldKeys[j];
      if (k != EMPTY) {
        int i = (int) mix(k) & mask;
        while (keys[i] != EMPTY) {
          i = (i + 1) & mask;
        }
        keys[i] = k;
        values[i] = oldValues[j];
        size++;
      }
    }
  }

  private void allocate(int capacity) {
    keys = new long[capacity];
    values = new long[capacity];
    Arrays.fill(keys, EMPTY);
    size = 0;
  }

  /** FNV-1a over bytes, continuing from {@code h}. */
  private static long hash(byte[] bytes, long h) {
    for (byte b : bytes) {
      h = (h ^ (b & 0xFF)) * 0x100000001B3L;
    }
    return h;
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static int writeVarint(byte[] out, int at, long v) {
    while ((v & ~0x7FL) != 0) {
      out[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out[at++] = (byte) v;
    return at;
  }

  private static long readVarint(byte[] in, int[] at) {
    long v = 0;
    int shift = 0;
    while (true) {
      byte b = in[at[0]++];
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
      shift += 7;
    }
  }

  private static String readString(byte[] in, int[] at) {
    int n = (int) readVarint(in, at);
    String s = new String(in, at[0], n, StandardCharsets.UTF_8);
    at[0] += n;
    return s;
  }
}
