package org.framescope.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The page-furniture rules that need only the article itself, applied line by line to plain
 * text. In order:
 *
 * <ol>
 *   <li>{@code date_marker}: an in-band "date 2018-09-12" at the start of the text is removed and
 *       its date lifted into the article's {@code published} field when that is empty;
 *   <li>the wording rules of {@code furniture.yaml} (donation widgets, comment prompts, related
 *       links, credit footers, share prompts);
 *   <li>{@code headline}: the article's title printed at the top of its text, once or more;
 *   <li>{@code repeated_line}: a line that occurs more than once in the article (captions printed
 *       twice, with or without a trailing "(Reuters)" credit): every copy goes;
 *   <li>{@code lead_line}: where the text began with its headline, a short line right after it
 *       (at most {@value #LEAD_MAX_WORDS} words, and shorter than the paragraph that follows) is a
 *       photo caption or a related-story link, not the story's first paragraph.
 * </ol>
 *
 * Lines that recur across many articles of one source need the whole corpus; {@link Boilerplate}
 * removes those. The cleaned text keeps the article's lines in order, trimmed, with runs of blank
 * lines folded to one.
 */
public final class PageFurniture implements Serializable {
  private static final long serialVersionUID = 1L;

  public static final String DATE_MARKER = "date_marker";
  public static final String HEADLINE = "headline";
  public static final String REPEATED_LINE = "repeated_line";
  public static final String LEAD_LINE = "lead_line";
  static final int LEAD_MAX_WORDS = 20;

  private static final Pattern DATE_MARKER_PATTERN =
      Pattern.compile("^date\\s+(\\d{4}-\\d{2}-\\d{2})\\b[\\s:.|-]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern TRAILING_CREDIT = Pattern.compile("\\s*\\([^()]{1,40}\\)\\s*$");
  private static final Pattern LETTER = Pattern.compile("\\p{L}");

  private final List<WordingRule> rules;

  private PageFurniture(List<WordingRule> rules) {
    this.rules = rules;
  }

  /** The rules shipped with framescope. */
  public static PageFurniture defaults() {
    try (InputStream in = PageFurniture.class.getResourceAsStream("furniture.yaml")) {
      return fromYaml(in, "furniture.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PageFurniture fromYaml(InputStream in, String name) throws IOException {
    List<RuleSpec> specs = new ObjectMapper(new YAMLFactory())
        .readValue(in, new TypeReference<List<RuleSpec>>() {});
    List<WordingRule> rules = new ArrayList<>();
    for (RuleSpec spec : specs) {
      try {
        rules.add(new WordingRule(spec.rule,
            Pattern.compile(spec.pattern, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            spec.maxWords));
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(name + ": rule " + spec.rule + ": " + e.getMessage(), e);
      }
    }
    return new PageFurniture(rules);
  }

  /** A line removed from an article, and the rule that removed it. */
  public record Removed(String rule, String line) implements Serializable {}

  /** The cleaned text, what was removed, and a date found in the text (or null). */
  public record Cleaned(String text, List<Removed> removed, LocalDate liftedDate) {}

  /** Applies the rules to {@code text}, whose headline is {@code title} (may be null). */
  public Cleaned clean(String text, String title) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      lines.add(line.replace('\u00A0', ' ').strip());
    }
    List<Removed> removed = new ArrayList<>();
    boolean[] drop = new boolean[lines.size()];

    LocalDate lifted = liftDateMarker(lines, removed);

    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      int words = wordCount(line);
      for (WordingRule rule : rules) {
        if (rule.matches(line, words)) {
          drop[i] = true;
          removed.add(new Removed(rule.name, line));
          break;
        }
      }
    }

    boolean headlineRemoved = dropLeadingHeadlines(lines, drop, title, removed);
    dropRepeatedLines(lines, drop, removed);
    if (headlineRemoved) {
      dropLeadLine(lines, drop, removed);
    }

    StringBuilder out = new StringBuilder(text.length());
    boolean pendingBlank = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (drop[i]) {
        continue;
      }
      if (line.isEmpty()) {
        pendingBlank = out.length() > 0;
        continue;
      }
      if (out.length() > 0) {
        out.append(pendingBlank ? "\n\n" : "\n");
      }
      out.append(line);
      pendingBlank = false;
    }
    return new Cleaned(out.toString(), removed, lifted);
  }

  private static LocalDate liftDateMarker(List<String> lines, List<Removed> removed) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        continue;
      }
      Matcher m = DATE_MARKER_PATTERN.matcher(line);
      if (!m.find()) {
        return null;
      }
      LocalDate date = PublishedDates.parse(m.group(1));
      if (date == null) {
        return null;
      }
      removed.add(new Removed(DATE_MARKER, line.substring(0, m.end()).strip()));
      lines.set(i, line.substring(m.end()).strip());
      return date;
    }
    return null;
  }

  private static boolean dropLeadingHeadlines(
      List<String> lines, boolean[] drop, String title, List<Removed> removed) {
    if (title == null || title.isBlank()) {
      return false;
    }
    String key = normalise(title);
    boolean any = false;
    for (int i = 0; i < lines.size(); i++) {
      if (drop[i] || lines.get(i).isEmpty()) {
        continue;
      }
      if (!normalise(lines.get(i)).equals(key)) {
        break;
      }
      drop[i] = true;
      any = true;
      removed.add(new Removed(HEADLINE, lines.get(i)));
    }
    return any;
  }

  private static void dropRepeatedLines(List<String> lines, boolean[] drop, List<Removed> removed) {
    Map<String, Integer> counts = new HashMap<>();
    String[] keys = new String[lines.size()];
    for (int i = 0; i < lines.size(); i++) {
      if (drop[i] || !LETTER.matcher(lines.get(i)).find()) {
        continue;
      }
      keys[i] = normalise(lines.get(i));
      counts.merge(keys[i], 1, Integer::sum);
    }
    for (int i = 0; i < lines.size(); i++) {
      if (keys[i] != null && counts.get(keys[i]) > 1) {
        drop[i] = true;
        removed.add(new Removed(REPEATED_LINE, lines.get(i)));
      }
    }
  }

  private static void dropLeadLine(List<String> lines, boolean[] drop, List<Removed> removed) {
    int first = nextKept(lines, drop, 0);
    if (first < 0) {
      return;
    }
    int second = nextKept(lines, drop, first + 1);
    int words = wordCount(lines.get(first));
    if (second >= 0 && words <= LEAD_MAX_WORDS && words < wordCount(lines.get(second))) {
      drop[first] = true;
      removed.add(new Removed(LEAD_LINE, lines.get(first)));
    }
  }

  private static int nextKept(List<String> lines, boolean[] drop, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (!drop[i] && !lines.get(i).isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  /** The number of runs of non-space characters (space as in the regular expression \s). */
  static int wordCount(String line) {
    int words = 0;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f'
          || c == '\r';
      if (!space && !inWord) {
        words++;
      }
      inWord = !space;
    }
    return words;
  }

  /**
   * The form two lines are compared in: case, quote styles, punctuation, spacing and a trailing
   * parenthesised credit ("(Reuters)") do not make lines different.
   */
  public static String normalise(String line) {
    String s = Normalizer.isNormalized(line, Normalizer.Form.NFKC) ? line
        : Normalizer.normalize(line, Normalizer.Form.NFKC);
    if (s.indexOf(')') >= 0) {
      s = TRAILING_CREDIT.matcher(s).replaceAll("");
    }
    // the words (runs of letters and numbers), lower-cased, one space between them
    s = s.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Shingles.isWordChar(cp)) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        gap = false;
        out.appendCodePoint(cp);
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  private static final class WordingRule implements Serializable {
    private static final long serialVersionUID = 1L;
    final String name;
    final Pattern pattern;
    final int maxWords;

    WordingRule(String name, Pattern pattern, int maxWords) {
      this.name = name;
      this.pattern = pattern;
      this.maxWords = maxWords;
    }

    boolean matches(String line, int words) {
      return words <= maxWords && pattern.matcher(line).find();
    }
  }

  static final class RuleSpec {
    @JsonProperty(value = "rule", required = true) String rule;
    @JsonProperty(value = "pattern", required = true) String pattern;
    @JsonProperty(value = "max_words", required = true) int maxWords;
  }
}
