package org.framescope.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
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
