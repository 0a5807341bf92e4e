package org.framescope.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.framescope.lexicon.LexiconException;
import org.framescope.text.Token;
import org.framescope.text.Tokenizer;

/**
 * A valence lexicon in VADER's file format: one entry a line, tab-separated, the entry and its
 * mean valence in [-4, 4] (further columns, the ratings, are ignored). An entry is looked up as
 * written, against the scorer's lower-cased items, as the reference implementation does: so
 * emoticons (":)", "<3") are entries like words, and an entry holding a space ("can't stand") or
 * a capital (":D", beside ":d") is never met. An entry listed twice keeps its last value, as in
 * the published lexicon, and is counted in {@link #duplicates()}; any other bad line stops the
 * job with the file and line named.
 */
public final class ValenceLexicon implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String BUILTIN = "/org/framescope/lexicon/builtin/vader/vader_lexicon.txt";

  private final Map<String, Double> entries = new HashMap<>();
  private final String origin;
  private int duplicates;
  private int size;

  private ValenceLexicon(String origin) {
    this.origin = origin;
  }

  /** The VADER lexicon shipped with framescope. */
  public static ValenceLexicon builtin() {
    try (InputStream in = ValenceLexicon.class.getResourceAsStream(BUILTIN)) {
      return parse(in.readAllBytes(), "vader");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ValenceLexicon parse(byte[] bytes, String origin) {
    ValenceLexicon lex = new ValenceLexicon(origin);
    String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1)
          : lines[i];
      if (line.isBlank()) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length < 2 || cols[0].isBlank()) {
        throw new LexiconException(origin, i + 1,
            "expected an entry and its valence separated by a tab");
      }
      double valence;
      try {
        valence = Double.parseDouble(cols[1].strip());
      } catch (NumberFormatException e) {
        throw new LexiconException(origin, i + 1, "valence '" + cols[1] + "' is not a number");
      }
      if (!(valence >= -4 && valence <= 4)) {
        throw new LexiconException(origin, i + 1, "valence " + valence + " is outside [-4, 4]");
      }
      lex.add(cols[0].strip(), valence);
    }
    if (lex.size == 0) {
      throw new LexiconException(origin, 0, "no entries");
    }
    return lex;
  }

  private void add(String entry, double valence) {
    size++;
    if (entries.put(entry, valence) != null) {
      duplicates++;
    }
  }

  /** The valence of an entry, looked up as written (the scorer passes lower-cased items), or null. */
  public Double word(String item) {
    return entries.get(item);
  }

  /**
   * The normal forms (as {@link Tokenizer} makes them) of the entries that are one token to the
   * tokenizer, sorted and distinct: the sentiment-bearing words a generator can write.
   */
  public List<String> singleWords() {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (String entry : entries.keySet()) {
      List<Token> tokens = Tokenizer.tokenize(entry);
      if (tokens.size() == 1) {
        out.add(tokens.get(0).norm());
      }
    }
    return new ArrayList<>(out);
  }

  public String origin() {
    return origin;
  }

  public int size() {
    return size;
  }

  /** Entries listed more than once (the last value is kept). */
  public int duplicates() {
    return duplicates;
  }
}
