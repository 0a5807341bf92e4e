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
import java.util.Map;
import java.util.Set;
import org.framescope.text.Token;
import org.framescope.text.Tokenizer;

/** The word lists of the sentence scorer's rules: {@code modifiers.yaml}. */
final class Modifiers implements Serializable {
  private static final long serialVersionUID = 1L;

  /** A phrase that the scorer reads as one unit. */
  record Unit(String[] tokens, Kind kind, double value) implements Serializable {}

  enum Kind { BOOSTER, DAMPENER, IDIOM }

  final Set<String> negators = new HashSet<>();
  final Set<String> contrasts = new HashSet<>();
  final Map<String, Unit> singleWord = new HashMap<>();
  final Map<String, List<Unit>> phrases = new HashMap<>();

  static Modifiers defaults() {
    try (InputStream in = Modifiers.class.getResourceAsStream("modifiers.yaml")) {
      Spec spec = new ObjectMapper(new YAMLFactory()).readValue(in, Spec.class);
      Modifiers m = new Modifiers();
      spec.negators.forEach(w -> m.negators.add(Tokenizer.normalise(w)));
      spec.contrasts.forEach(w -> m.contrasts.add(Tokenizer.normalise(w)));
      spec.boosters.forEach(w -> m.add(w, Kind.BOOSTER, 0));
      spec.dampeners.forEach(w -> m.add(w, Kind.DAMPENER, 0));
      spec.idioms.forEach((w, v) -> m.add(w, Kind.IDIOM, v));
      return m;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void add(String text, Kind kind, double value) {
    String[] forms = Tokenizer.tokenize(text).stream().map(Token::norm).toArray(String[]::new);
    Unit u = new Unit(forms, kind, value);
    if (forms.length == 1) {
      singleWord.put(forms[0], u);
    } else {
      List<Unit> list = phrases.computeIfAbsent(forms[0], k -> new java.util.ArrayList<>());
      list.add(u);
      list.sort((a, b) -> b.tokens().length - a.tokens().length);
    }
  }

  boolean isNegator(String norm) {
    return negators.contains(norm) || norm.endsWith("n't");
  }

  static final class Spec {
    @JsonProperty(required = true) List<String> boosters;
    @JsonProperty(required = true) List<String> dampeners;
    @JsonProperty(required = true) List<String> negators;
    @JsonProperty(required = true) List<String> contrasts;
    @JsonProperty(required = true) LinkedHashMap<String, Double> idioms;
  }
}
