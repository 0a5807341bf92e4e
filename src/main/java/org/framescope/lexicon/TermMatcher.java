package org.framescope.lexicon;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.framescope.text.Token;

/**
 * Finds a layer's entries in a token sequence: left to right, the longest entry that matches at
 * a token wins (more tokens first; then a whole-word entry before a prefix entry; then lexicon
 * order) and the scan resumes after it, so overlapping entries match once ("Assad regime" is one
 * hit, never also "regime"). An entry cancelled by its context (a {@code not_after} phrase right
 * before it) gives way to the next-longest candidate at the same token.
 *
 * <p>Candidates are found through a hash map on the first token, and for prefix entries on each
 * prefix of the first token, so the cost per token does not grow with the lexicon's size.
 */
public final class TermMatcher implements Serializable {
  private static final long serialVersionUID = 1L;

  /** An entry found at tokens {@code [first, last]} of the sequence. */
  public record Match(Entry entry, int first, int last) {}

  private final Map<String, List<Entry>> byFirst = new HashMap<>();
  private final Map<String, List<Entry>> byFirstPrefix = new HashMap<>();
  private int minPrefix = Integer.MAX_VALUE;
  private int maxPrefix = 0;

  public TermMatcher(List<Entry> entries) {
    for (Entry e : entries) {
      String first = e.tokens()[0];
      if (e.prefix()[0]) {
        byFirstPrefix.computeIfAbsent(first, k -> new ArrayList<>()).add(e);
        minPrefix = Math.min(minPrefix, first.length());
        maxPrefix = Math.max(maxPrefix, first.length());
      } else {
        byFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(e);
      }
    }
  }

  private static final Comparator<Entry> LONGEST_FIRST =
      Comparator.<Entry>comparingInt(e -> -e.tokens().length)
          .thenComparing(Entry::hasPrefix)
          .thenComparingInt(Entry::line);

  /** The matches in {@code tokens}, in order, never overlapping. */
  public List<Match> match(List<Token> tokens) {
    List<Match> out = new ArrayList<>();
    int i = 0;
    int n = tokens.size();
    while (i < n) {
      Token t = tokens.get(i);
      Match m = t.isWord() ? longestAt(tokens, i) : null;
      if (m == null) {
        i++;
      } else {
        out.add(m);
        i = m.last() + 1;
      }
    }
    return out;
  }

  private Match longestAt(List<Token> tokens, int i) {
    String norm = tokens.get(i).norm();
    List<Entry> candidates = null;
    List<Entry> exact = byFirst.get(norm);
    if (exact != null) {
      candidates = new ArrayList<>(exact);
    }
    if (!byFirstPrefix.isEmpty()) {
      for (int len = minPrefix; len <= Math.min(maxPrefix, norm.length()); len++) {
        List<Entry> p = byFirstPrefix.get(norm.substring(0, len));
        if (p != null) {
          if (candidates == null) {
            candidates = new ArrayList<>();
          }
          candidates.addAll(p);
        }
      }
    }
    if (candidates == null) {
      return null;
    }
    candidates.sort(LONGEST_FIRST);
    for (Entry e : candidates) {
      int last = i + e.tokens().length - 1;
      if (last < tokens.size() && matchesAt(e, tokens, i) && !cancelled(e, tokens, i, last)) {
        return new Match(e, i, last);
      }
    }
    return null;
  }

  private static boolean matchesAt(Entry e, List<Token> tokens, int i) {
    String[] forms = e.tokens();
    for (int k = 0; k < forms.length; k++) {
      String norm = tokens.get(i + k).norm();
      if (e.prefix()[k] ? !norm.startsWith(forms[k]) : !norm.equals(forms[k])) {
        return false;
      }
    }
    return true;
  }

  private static boolean cancelled(Entry e, List<Token> tokens, int first, int last) {
    for (String[] phrase : e.notAfter()) {
      int start = first - phrase.length;
      if (start >= 0 && equalAt(phrase, tokens, start)) {
        return true;
      }
    }
    for (String[] phrase : e.notBefore()) {
      if (last + phrase.length < tokens.size() && equalAt(phrase, tokens, last + 1)) {
        return true;
      }
    }
    return false;
  }

  private static boolean equalAt(String[] phrase, List<Token> tokens, int start) {
    for (int k = 0; k < phrase.length; k++) {
      if (!tokens.get(start + k).norm().equals(phrase[k])) {
        return false;
      }
    }
    return true;
  }
}
