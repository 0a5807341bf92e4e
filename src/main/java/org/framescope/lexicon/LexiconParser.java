package org.framescope.lexicon;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.framescope.text.Token;
import org.framescope.text.Tokenizer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a lexicon file. The format, by example:
 *
 * <pre>
 * name: syria
 * description: Framing of the Syrian war
 * axes:
 *   syrian_state:                    # an axis: exactly two poles, pole a first
 *     description: How the state is named
 *     poles:
 *       regime:
 *         - Assad regime               # a phrase: words matched on token boundaries
 *         - dictator Assad
 *         - term: regime               # an entry with contexts that cancel it
 *           not_after: [Turkish, Saudi, Israeli, Iranian]
 *       government:
 *         - Syrian government
 * frames:
 *   humanitarian:                    # a frame: one list of entries
 *     entries: [humanitarian catastrophe, bloodbath, massacre*]
 * actors:
 *   russia:
 *     entries: [Russia, Russian*, Moscow, Kremlin, Putin]
 * </pre>
 *
 * Entries are case-insensitive. A trailing {@code *} on a word matches every word it begins
 * ("terrorist*": terrorist, terrorists). Possessives need no entry of their own ("Assad regime"
 * matches "the Assad regime's plan"), curly and straight apostrophes are the same, and a hyphen
 * is a token ("rebel-held"). {@code not_after} / {@code not_before} list phrases that cancel the
 * entry when they stand right before / after it. Names are lower-case identifiers.
 *
 * <p>Every problem stops the job before Spark starts, with the file and line: a YAML syntax
 * error, an unknown key, an axis without exactly two poles, an empty pole, an entry with no
 * word, a misplaced {@code *}, or the same entry twice in the term layer (axes and frames) or
 * twice among the actors — an entry in two poles would count for both.
 */
public final class LexiconParser {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Set<String> TOP = Set.of("name", "description", "axes", "frames", "actors");

  private final String origin;

  private LexiconParser(String origin) {
    this.origin = origin;
  }

  /** Parses {@code bytes} read from {@code origin} (a path or name, for messages). */
  public static Lexicon parse(byte[] bytes, String origin) {
    return new LexiconParser(origin).parse(bytes);
  }

  private Lexicon parse(byte[] bytes) {
    String yaml = new String(bytes, StandardCharsets.UTF_8);
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new LexiconException(origin, line, "not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw new LexiconException(origin, 0, "not valid YAML: " + e.getMessage());
    }
    if (root == null) {
      throw new LexiconException(origin, 0, "the file is empty");
    }
    Map<String, Node> top = mapping(root, "the lexicon");
    for (Map.Entry<String, Node> e : top.entrySet()) {
      if (!TOP.contains(e.getKey())) {
        throw error(e.getValue(), "unknown key '" + e.getKey() + "' (expected one of "
            + String.join(", ", List.of("name", "description", "axes", "frames", "actors")) + ")");
      }
    }
    if (!top.containsKey("name")) {
      throw new LexiconException(origin, line(root), "no 'name'");
    }
    String name = scalar(top.get("name"), "name");

    List<Lexicon.Axis> axes = new ArrayList<>();
    List<Lexicon.Named> frames = new ArrayList<>();
    List<Lexicon.Named> actors = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    Map<String, Entry> termKeys = new HashMap<>();
    Map<String, Entry> actorKeys = new HashMap<>();
    Set<String> names = new java.util.HashSet<>();

    if (top.containsKey("axes")) {
      for (Map.Entry<String, Node> a : mapping(top.get("axes"), "axes").entrySet()) {
        String axis = checkName(a.getKey(), a.getValue(), names);
        Map<String, Node> spec = mapping(a.getValue(), "axis " + axis);
        allowKeys(spec, "axis " + axis, Set.of("description", "poles"));
        if (!spec.containsKey("poles")) {
          throw error(a.getValue(), "axis " + axis + " has no 'poles'");
        }
        Map<String, Node> poles = mapping(spec.get("poles"), "poles of axis " + axis);
        if (poles.size() != 2) {
          throw error(spec.get("poles"), "axis " + axis + " must have exactly two poles, it has "
              + poles.size());
        }
        List<String> poleNames = new ArrayList<>();
        for (Map.Entry<String, Node> p : poles.entrySet()) {
          String pole = checkName(p.getKey(), p.getValue(), new java.util.HashSet<>());
          poleNames.add(pole);
          entries.addAll(entries(p.getValue(), Entry.AXIS, axis, pole, termKeys,
              "pole " + pole + " of axis " + axis));
        }
        axes.add(new Lexicon.Axis(axis, description(spec), poleNames.get(0), poleNames.get(1)));
      }
    }
    if (top.containsKey("frames")) {
      for (Map.Entry<String, Node> f : mapping(top.get("frames"), "frames").entrySet()) {
        String frame = checkName(f.getKey(), f.getValue(), names);
        Map<String, Node> spec = listSpec(f.getValue(), "frame " + frame);
        entries.addAll(entries(spec.get("entries"), Entry.FRAME, frame, frame, termKeys,
            "frame " + frame));
        frames.add(new Lexicon.Named(frame, description(spec)));
      }
    }
    if (axes.isEmpty() && frames.isEmpty()) {
      throw new LexiconException(origin, line(root), "no axes and no frames: nothing to measure");
    }
    if (top.containsKey("actors")) {
      Set<String> actorNames = new java.util.HashSet<>();
      for (Map.Entry<String, Node> a : mapping(top.get("actors"), "actors").entrySet()) {
        String actor = checkName(a.getKey(), a.getValue(), actorNames);
        Map<String, Node> spec = listSpec(a.getValue(), "actor " + actor);
        entries.addAll(entries(spec.get("entries"), Entry.ACTOR, actor, actor, actorKeys,
            "actor " + actor));
        actors.add(new Lexicon.Named(actor, description(spec)));
      }
    }
    return new Lexicon(name, origin, sha256(bytes), axes, frames, actors, entries);
  }

  /** A frame or actor: either a list of entries, or a mapping with description and entries. */
  private Map<String, Node> listSpec(Node node, String what) {
    if (node instanceof SequenceNode) {
      Map<String, Node> m = new LinkedHashMap<>();
      m.put("entries", node);
      return m;
    }
    Map<String, Node> spec = mapping(node, what);
    allowKeys(spec, what, Set.of("description", "entries"));
    if (!spec.containsKey("entries")) {
      throw error(node, what + " has no 'entries'");
    }
    return spec;
  }

  private List<Entry> entries(Node node, String kind, String name, String pole,
      Map<String, Entry> seen, String what) {
    if (!(node instanceof SequenceNode seq)) {
      throw error(node, what + ": expected a list of entries");
    }
    if (seq.getValue().isEmpty()) {
      throw error(node, what + " has no entries");
    }
    List<Entry> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      String term;
      List<String[]> notAfter = List.of();
      List<String[]> notBefore = List.of();
      if (item instanceof ScalarNode) {
        term = scalar(item, what);
      } else if (item instanceof MappingNode) {
        Map<String, Node> m = mapping(item, what);
        allowKeys(m, "an entry of " + what, Set.of("term", "not_after", "not_before"));
        if (!m.containsKey("term")) {
          throw error(item, "an entry of " + what + " has no 'term'");
        }
        term = scalar(m.get("term"), "term");
        notAfter = phrases(m.get("not_after"), "not_after");
        notBefore = phrases(m.get("not_before"), "not_before");
      } else {
        throw error(item, what + ": an entry must be text or a mapping with 'term'");
      }
      Entry e = compile(term, item, kind, name, pole, notAfter, notBefore);
      Entry before = seen.putIfAbsent(e.key(), e);
      if (before != null) {
        throw error(item, "entry '" + term + "' of " + what + " is already listed at line "
            + before.line() + " (" + before.kind() + " " + before.name()
            + (before.kind().equals(Entry.AXIS) ? ", pole " + before.pole() : "") + ")");
      }
      out.add(e);
    }
    return out;
  }

  private Entry compile(String term, Node node, String kind, String name, String pole,
      List<String[]> notAfter, List<String[]> notBefore) {
    List<Token> tokens = Tokenizer.tokenize(term);
    List<String> forms = new ArrayList<>();
    List<Boolean> prefix = new ArrayList<>();
    boolean anyWord = false;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if ("*".equals(t.norm())) {
        boolean follows = i > 0 && tokens.get(i - 1).isWord() && tokens.get(i - 1).end() == t.start();
        boolean endsWord = i + 1 == tokens.size() || tokens.get(i + 1).start() > t.end()
            || !tokens.get(i + 1).isWord();
        if (!follows || !endsWord || prefix.get(prefix.size() - 1)) {
          throw error(node, "entry '" + term + "': '*' must end a word (e.g. terrorist*)");
        }
        prefix.set(prefix.size() - 1, true);
        continue;
      }
      anyWord |= t.isWord();
      forms.add(t.norm());
      prefix.add(false);
    }
    if (!anyWord) {
      throw error(node, "entry '" + term + "' has no word in it");
    }
    boolean[] p = new boolean[prefix.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = prefix.get(i);
    }
    return new Entry(kind, name, pole, term.strip(), forms.toArray(new String[0]), p, notAfter,
        notBefore, line(node));
  }

  private List<String[]> phrases(Node node, String key) {
    if (node == null) {
      return List.of();
    }
    List<Node> items = node instanceof SequenceNode s ? s.getValue() : List.of(node);
    List<String[]> out = new ArrayList<>();
    for (Node item : items) {
      String phrase = scalar(item, key);
      String[] forms = Tokenizer.tokenize(phrase).stream().map(Token::norm).toArray(String[]::new);
      if (forms.length == 0) {
        throw error(item, key + ": an empty phrase");
      }
      out.add(forms);
    }
    return out;
  }

  private String checkName(String name, Node node, Set<String> seen) {
    if (!NAME.matcher(name).matches()) {
      throw error(node, "name '" + name + "' must be a lower-case identifier (a-z, 0-9, _)");
    }
    if (!seen.add(name)) {
      throw error(node, "name '" + name + "' is used twice");
    }
    return name;
  }

  private String description(Map<String, Node> spec) {
    return spec.containsKey("description") ? scalar(spec.get("description"), "description") : null;
  }

  private void allowKeys(Map<String, Node> m, String what, Set<String> allowed) {
    for (Map.Entry<String, Node> e : m.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw error(e.getValue(), "unknown key '" + e.getKey() + "' in " + what + " (expected "
            + String.join(" or ", allowed.stream().sorted().toList()) + ")");
      }
    }
  }

  private Map<String, Node> mapping(Node node, String what) {
    if (!(node instanceof MappingNode m)) {
      throw error(node, what + ": expected a mapping of names to values");
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      String key = scalar(t.getKeyNode(), "a key in " + what);
      if (out.put(key, t.getValueNode()) != null) {
        throw error(t.getKeyNode(), "key '" + key + "' appears twice in " + what);
      }
    }
    return out;
  }

  private String scalar(Node node, String what) {
    if (!(node instanceof ScalarNode s) || s.getValue().isBlank()) {
      throw error(node, what + ": expected text");
    }
    return s.getValue();
  }

  private LexiconException error(Node node, String problem) {
    return new LexiconException(origin, line(node), problem);
  }

  private static int line(Node node) {
    return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
