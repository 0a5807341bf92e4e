package org.framescope.sentiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The word lists of the sentence scorer's rules: {@code modifiers.yaml}. Entries are compared
 * with the scorer's lower-cased items as written; a phrase is its words joined by one space.
 */
final class Modifiers implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Boosters (+) and dampeners (-), single words and phrases, with their increment. */
  final Map<String, Double> degree = new HashMap<>();
  final Set<String> negators = new HashSet<>();
  final Map<String, Double> specialCases = new HashMap<>();
  /** Every word of a special case or of a degree phrase: a sequence of others is neither. */
  final Set<String> phraseWords = new HashSet<>();

  static Modifiers defaults() {
    try (InputStream in = Modifiers.class.getResourceAsStream("modifiers.yaml")) {
      Spec spec = new ObjectMapper(new YAMLFactory()).readValue(in, Spec.class);
      Modifiers m = new Modifiers();
      spec.boosters.forEach(w -> m.degree.put(lower(w), SentenceScorer.BOOST));
      spec.dampeners.forEach(w -> m.degree.put(lower(w), -SentenceScorer.BOOST));
      spec.negators.forEach(w -> m.negators.add(lower(w)));
      spec.specialCases.forEach((w, v) -> m.specialCases.put(lower(w), v));
      for (String phrase : m.specialCases.keySet()) {
        m.phraseWords.addAll(List.of(phrase.split(" ")));
      }
      for (String phrase : m.degree.keySet()) {
        if (phrase.contains(" ")) {
          m.phraseWords.addAll(List.of(phrase.split(" ")));
        }
      }
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lower(String w) {
    return w.strip().toLowerCase(Locale.ROOT);
  }

  /** A negator: a listed word, or any word containing "n't". */
  boolean isNegator(String lower) {
    return negators.contains(lower) || lower.contains("n't");
  }

  static final class Spec {
    @JsonProperty(required = true) List<String> boosters;
    @JsonProperty(required = true) List<String> dampeners;
    @JsonProperty(required = true) List<String> negators;
    @JsonProperty(value = "special_cases", required = true)
    LinkedHashMap<String, Double> specialCases;
  }
}
