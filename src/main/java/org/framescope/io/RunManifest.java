package org.framescope.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of {@code run.json}: what was read, what came of it and how, as one JSON object.
 * Stages add their own keys; a stage run on an earlier output adds to that output's manifest.
 */
public final class RunManifest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  /** Typed settings and results become JSON objects with snake_case keys. */
  private static final ObjectMapper TYPED = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private final Map<String, Object> values;

  private RunManifest(Map<String, Object> values) {
    this.values = values;
  }

  public static RunManifest empty() {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("tool", "framescope");
    return new RunManifest(v);
  }

  /** Parses an earlier run.json; null or blank gives an empty manifest. */
  public static RunManifest parse(String json) {
    if (json == null || json.isBlank()) {
      return empty();
    }
    try {
      return new RunManifest(JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("run.json is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  public RunManifest put(String key, Object value) {
    values.put(key, value);
    return this;
  }

  /**
   * Adds every component of a stage's typed result at the top level (snake_case keys); a nested
   * object that is already there, such as {@code timings_seconds}, is merged key by key.
   */
  public RunManifest record(Object result) {
    Map<String, Object> m = asJsonObject(result);
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (e.getValue() instanceof Map<?, ?> nested && values.get(e.getKey()) instanceof Map<?, ?>) {
        @SuppressWarnings("unchecked")
        Map<String, Object> into = (Map<String, Object>) values.get(e.getKey());
        @SuppressWarnings("unchecked")
        Map<String, Object> from = (Map<String, Object>) nested;
        into.putAll(from);
      } else {
        values.put(e.getKey(), e.getValue());
      }
    }
    return this;
  }

  /** Records a stage's typed settings under {@code options.<stage>}. */
  public RunManifest options(String stage, Object settings) {
    section("options").put(stage, asJsonObject(settings));
    return this;
  }

  private static Map<String, Object> asJsonObject(Object typed) {
    return TYPED.convertValue(typed, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  public Object get(String key) {
    return values.get(key);
  }

  /** The nested object under {@code key}, created when absent. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> section(String key) {
    return (Map<String, Object>) values.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(values) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
