package org.framescope.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The word lists of {@link Attribution}, read from {@code attribution.yaml} (a resource beside
 * this class; its comments say what each list is for). Loaded once per JVM.
 */
public final class AttributionRules implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String FILE = "attribution.yaml";
  private static volatile AttributionRules defaults;

  final Set<String> verbs;
  final Map<String, Set<String>> needsParticle;
  final Set<String> listenerVerbs;
  final Set<String> participles;
  final Set<String> according;
  final Set<String> reportedBy;
  final Set<String> quotedAs;
  final Set<String> between;
  final Set<String> pronouns;
  final Set<String> roles;
  final Set<String> titles;
  final Set<String> nameParticles;

  private AttributionRules(JsonNode root) {
    verbs = list(root, "verbs");
    needsParticle = new HashMap<>();
    JsonNode np = required(root, "needs_particle");
    for (Iterator<Map.Entry<String, JsonNode>> it = np.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      needsParticle.put(e.getKey(), words(e.getValue(), "needs_particle." + e.getKey()));
    }
    listenerVerbs = list(root, "listener_verbs");
    participles = list(root, "participles");
    according = list(root, "according");
    reportedBy = list(root, "reported_by");
    quotedAs = list(root, "quoted_as");
    between = list(root, "between");
    pronouns = list(root, "pronouns");
    roles = list(root, "roles");
    titles = list(root, "titles");
    nameParticles = list(root, "name_particles");
  }

  /** The rules that travel in the jar. */
  public static AttributionRules defaults() {
    AttributionRules r = defaults;
    if (r == null) {
      synchronized (AttributionRules.class) {
        r = defaults;
        if (r == null) {
          try (InputStream in = AttributionRules.class.getResourceAsStream(FILE)) {
            if (in == null) {
              throw new IllegalStateException(FILE + " is missing from the classpath");
            }
            r = new AttributionRules(new ObjectMapper(new YAMLFactory()).readTree(in));
          } catch (IOException e) {
            throw new UncheckedIOException(FILE + ": " + e.getMessage(), e);
          }
          defaults = r;
        }
      }
    }
    return r;
  }

  /** Whether a word (lower case) is a reporting verb or participle of these rules. */
  public boolean isCue(String word) {
    return verbs.contains(word) || participles.contains(word);
  }

  private static JsonNode required(JsonNode root, String key) {
    JsonNode n = root.get(key);
    if (n == null) {
      throw new IllegalStateException(FILE + ": the list '" + key + "' is missing");
    }
    return n;
  }

  private static Set<String> list(JsonNode root, String key) {
    return words(required(root, key), key);
  }

  private static Set<String> words(JsonNode n, String key) {
    if (!n.isArray()) {
      throw new IllegalStateException(FILE + ": '" + key + "' is not a list of words");
    }
    Set<String> out = new HashSet<>();
    for (JsonNode w : n) {
      if (!w.isTextual()) {
        // YAML reads on, no, y as booleans: they must be quoted.
        throw new IllegalStateException(FILE + ": '" + key + "' holds " + w + ", not a word "
            + "(quote it)");
      }
      out.add(Tokenizer.normalise(w.asText()));
    }
    return Set.copyOf(out);
  }
}
