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
 * mean valence in [-4, 4] (further columns, the ratings, are ignored). Entries of several words
 * ("can't stand", "fed up") are phrases. An entry listed twice keeps its last value, as in the
 * published lexicon, and is counted in {@link #duplicates()}; any other bad line stops the job
 * with the file and line named.
 */
public final class ValenceLexicon implements Serializable {
  private static final long serialVersionUID = 1L;
  static final String BUILTIN = "/org/framescope/lexicon/builtin/vader/vader_lexicon.txt";

  /** A phrase entry: its token normal forms and valence. */
  record Phrase(String[] tokens, double valence) implements Serializable {}

  private final Map<String, Double> words = new HashMap<>();
  private final Map<String, List<Phrase>> phrases = new HashMap<>();
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
    List<Token> tokens = Tokenizer.tokenize(entry);
    size++;
    if (tokens.size() == 1) {
      if (words.put(tokens.get(0).norm(), valence) != null) {
        duplicates++;
      }
      return;
    }
    String[] forms = tokens.stream().map(Token::norm).toArray(String[]::new);
    List<Phrase> list = phrases.computeIfAbsent(forms[0], k -> new ArrayList<>());
    if (list.removeIf(p -> java.util.Arrays.equals(p.tokens(), forms))) {
      duplicates++;
    }
    list.add(new Phrase(forms, valence));
    list.sort((a, b) -> b.tokens().length - a.tokens().length);
  }

  /** The valence of one word's normal form, or null. */
  public Double word(String norm) {
    return words.get(norm);
  }

  /** Phrase entries beginning with {@code norm}, longest first. */
  List<Phrase> phrasesStartingWith(String norm) {
    return phrases.getOrDefault(norm, List.of());
  }

  /** The single-word entries' normal forms, sorted. */
  public List<String> singleWords() {
    List<String> out = new ArrayList<>(words.keySet());
    java.util.Collections.sort(out);
    return out;
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
