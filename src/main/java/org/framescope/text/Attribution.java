package org.framescope.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who says what in an article: every direct quotation and every statement reported without quote
 * marks, with its speaker and cue. Rules over the tokens of each sentence, no model; the word
 * lists are {@link AttributionRules}. Run once per article by {@link VoicedText}, which gives the
 * content of reported statements the voice {@link Voice#REPORTED}.
 *
 * <p><b>Cues.</b> A reporting verb outside quotation marks, written in lower case ("said",
 * "told", "warned", "called for"), not passive ("is widely reported to") and not an adjective
 * ("the regime's reported plan"); "according to X"; "as reported by X"; "Z quoted X as saying".
 *
 * <p><b>Patterns</b>, per sentence:
 * <ul>
 *   <li><i>Tail</i>: "CONTENT, SPEAKER CUE (adjunct)." and "CONTENT," CUE SPEAKER." The cue is
 *       followed by nothing, or by an adjunct ("after a cabinet meeting", "told reporters at UN
 *       headquarters"), and the speaker follows a comma or a closing quote. A quotation the
 *       content starts in an earlier sentence of the paragraph is taken whole.
 *   <li><i>Head</i>: "SPEAKER CUE (listener) (that) CONTENT." The speaker is the noun phrase
 *       before the cue (a pronoun; or words ending in a capitalised word or a role such as
 *       "spokesman"), across "also", "has", "on Tuesday" and the like, an appositive ("Staffan
 *       de Mistura, the UN envoy for Syria, said") or a relative clause ("Turkey, which ...,
 *       called for"). The content runs to the end of the sentence, or to a trailing ", according
 *       to X" or ", X said".
 *   <li><i>Chain</i>: ", adding that ...", ", warning that ..." after an attribution carries on
 *       its speaker.
 *   <li><i>Continuation</i>: a quotation that opens a sentence, in the paragraph of an
 *       attributed quotation or the one after it, keeps that speaker; a paragraph quoted as a
 *       block ("Erdogan's office declared:") takes the speaker of the paragraph introducing it.
 * </ul>
 *
 * <p>An attribution is {@code direct} when all the words of its content are quoted, {@code
 * mixed} when some are, {@code reported} when none are. A quotation of at most {@value
 * #SCARE_QUOTE_WORDS} words that no cue attributes is a scare quote or a term ("a 'hotbed of
 * terrorism'") and gets no row; a longer one gets a row with no speaker.
 *
 * <p><b>Names.</b> The speaker as written ("Turkey's presidential spokesman Ibrahim Kalin") is
 * resolved to a name: the last run of capitalised words without its titles ("Ibrahim Kalin"); a
 * surname alone to the earlier full name ending in it ("Kalin"); a pronoun to the nearest earlier
 * speaker ("he" and "she" to a person's name, "they" and "it" to any); a role ("the spokesman") to
 * the nearest earlier speaker written with that role; otherwise the words themselves without
 * their article ("the UN" is "UN").
 */
public final class Attribution {
  /** Quotations of at most this many words, attributed by no cue, are not rows. */
  public static final int SCARE_QUOTE_WORDS = 3;
  /** The most words a speaker may have. */
  static final int MAX_SPEAKER_WORDS = 14;
  /** How far after a cue "that" may come and still open the content. */
  static final int THAT_WITHIN = 9;

  public static final String DIRECT = "direct";
  public static final String REPORTED = "reported";
  public static final String MIXED = "mixed";

  /**
   * One attribution. Offsets are into the body text, or into the title when {@code sentenceIndex}
   * is 0; {@code speakerStart} and {@code speakerEnd} are -1 when there is no speaker.
   */
  public record Quote(String kind, int charStart, int charEnd, String speaker, int speakerStart,
      int speakerEnd, String speakerName, String cue, int sentenceIndex, int nTokens)
      implements Serializable {}

  private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "his", "her", "its",
      "their", "our", "this", "that", "these", "those");
  private static final Set<String> LINKS = Set.of("of", "for", "from", "to", "at", "and", "&");
  private static final Set<String> NOT_IN_NAMES = Set.of("is", "was", "are", "were", "be",
      "been", "being", "has", "have", "had", "that", "which", "who", "whom", "whose", "when",
      "where", "while", "if", "but", "because", "as", "than", "with", "by", "in", "on", "into",
      "over", "after", "before", "during", "not", "no", "would", "will", "can", "could",
      "should", "may", "might", "must", "do", "does", "did", "also", "there", "here", "so",
      "or", "nor", "yet", "about", "against", "between", "under", "through", "since", "until",
      "all", "some", "any", "both", "each", "many", "most", "more", "such", "what", "it", "he",
      "she", "they", "we", "i", "you", "them", "him", "us", "me", "out", "up", "down", "off",
      "very", "only", "even", "just", "then", "now", "often", "already", "said", "says");
  private static final Set<String> BE = Set.of("is", "was", "were", "are", "be", "been", "being",
      "am", "get", "got", "gets");
  private static final Set<String> LEADING = Set.of("on", "in", "at", "last", "earlier", "late",
      "meanwhile", "instead", "following", "after", "since", "during", "however", "separately",
      "later", "then", "but", "and", "yet", "still", "elsewhere", "today", "yesterday",
      "speaking", "before", "also", "previously", "moreover", "by", "for", "with");
  private static final Set<String> ADJUNCT = Set.of("on", "in", "at", "after", "during", "before",
      "while", "when", "as", "from", "earlier", "later", "last", "this", "yesterday", "today",
      "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "late", "early", "via", "through", "outside", "inside", "following", "ahead", "shortly",
      "according", "without", "with", "to", "over", "by", "amid", "under", "then", "again");
  private static final Set<String> LISTENERS = Set.of("reporters", "journalists", "me", "him",
      "her", "them", "us", "lawmakers", "parliament", "legislators", "supporters", "delegates",
      "crowds", "the", "a", "an", "his", "their", "local", "state", "news", "media");
  private static final Set<String> RELATIVE = Set.of("who", "which", "whose");

  private Attribution() {}

  /**
   * A stretch {@code [from, to]} of a paragraph's part of a sentence ({@code tokens}, their
   * {@code voices}; {@code offset} where they start in the sentence) attributed to a speaker.
   */
  private record Claim(int sentence, int from, int to, int speakerFrom, int speakerTo,
      String cue, int charStart, int charEnd, List<Token> tokens, Voice[] voices, int offset) {

    Claim at(int offset) {
      return new Claim(sentence, from, to, speakerFrom, speakerTo, cue, charStart, charEnd,
          tokens, voices, offset);
    }
  }

  /**
   * Finds the attributions of a body text and marks the content of reported statements: {@code
   * voices} of unquoted tokens in reported content become {@link Voice#REPORTED}. {@code
   * tokens.get(k)} and {@code voices.get(k)} are body sentence {@code k + 1}; {@code quoted} the
   * quoted characters of {@code text}.
   */
  public static List<Quote> ofBody(String text, List<List<Token>> tokens, List<Voice[]> voices,
      BitSet quoted, AttributionRules rules) {
    Lines lines = new Lines(text);
    List<Claim> claims = new ArrayList<>();
    // Introductions of block quotations, by the paragraph they end.
    java.util.Map<Integer, Claim> blocks = new java.util.HashMap<>();
    for (int k = 0; k < tokens.size(); k++) {
      List<Token> t = tokens.get(k);
      Voice[] v = voices.get(k);
      // A sentence is read a paragraph at a time: a text layer may run one across a line end.
      int from = 0;
      for (int i = 1; i <= t.size(); i++) {
        if (i < t.size() && text.indexOf('\n', t.get(i - 1).end()) >= t.get(i).start()
            || i < t.size() && text.indexOf('\n', t.get(i - 1).end()) < 0) {
          continue;
        }
        List<Token> part = t.subList(from, i);
        Voice[] pv = java.util.Arrays.copyOfRange(v, from, i);
        for (Claim c : new Sentence(text, part, pv, quoted, rules, k + 1).claims()) {
          c = c.at(from);
          if (c.from > c.to) {
            blocks.put(lines.lineOf(part.get(0).start()), c); // the next paragraph's speaker
            continue;
          }
          claims.add(c);
          for (int j = c.from; j <= c.to; j++) {
            if (v[from + j] != Voice.QUOTED) {
              v[from + j] = Voice.REPORTED;
            }
          }
        }
        from = i;
      }
    }
    List<int[]> runs = runs(text, quoted);
    List<Quote> out = new ArrayList<>();
    List<Named> named = new ArrayList<>();
    int c = 0;
    int r = 0;
    Quote last = null;
    int lastLine = -2;
    while (c < claims.size() || r < runs.size()) {
      int claimStart = c < claims.size() ? claims.get(c).charStart : Integer.MAX_VALUE;
      int runStart = r < runs.size() ? runs.get(r)[0] : Integer.MAX_VALUE;
      if (claimStart <= runStart) {
        Claim cl = claims.get(c++);
        List<Token> t = cl.tokens;
        Voice[] v = cl.voices;
        int charStart = cl.charStart;
        int charEnd = cl.charEnd;
        // A quotation that ends the content is taken to its end, across sentences.
        if (v[cl.to] == Voice.QUOTED) {
          for (int[] run : runs) {
            if (run[0] <= t.get(cl.to).start() && t.get(cl.to).start() < run[1]) {
              charEnd = Math.max(charEnd, run[1]);
            }
          }
        }
        int words = wordsIn(tokens, charStart, charEnd);
        int quotedWords = quotedWordsIn(tokens, voices, charStart, charEnd);
        String kind = quotedWords == 0 ? REPORTED : quotedWords == words ? DIRECT : MIXED;
        Token sf = t.get(cl.speakerFrom);
        Token st = t.get(cl.speakerTo);
        String name = resolve(text, t, cl.speakerFrom, cl.speakerTo, named, rules);
        last = new Quote(kind, charStart, charEnd, text.substring(sf.start(), st.end()),
            sf.start(), st.end(), name, cl.cue, cl.sentence, words);
        lastLine = lines.lineOf(charEnd - 1);
        out.add(last);
        while (r < runs.size() && runs.get(r)[0] < charEnd) {
          r++;
        }
        continue;
      }
      int[] run = runs.get(r++);
      int words = wordsIn(tokens, run[0], run[1]);
      int sentence = sentenceOf(tokens, run[0]);
      int line = lines.lineOf(run[0]);
      if (words <= SCARE_QUOTE_WORDS || sentence < 0) {
        continue;
      }
      Quote q;
      Claim block = blocks.remove(line - 1);
      if (block != null) {
        List<Token> bt = block.tokens;
        Token sf = bt.get(block.speakerFrom);
        Token st = bt.get(block.speakerTo);
        q = new Quote(DIRECT, run[0], run[1], text.substring(sf.start(), st.end()), sf.start(),
            st.end(), resolve(text, bt, block.speakerFrom, block.speakerTo, named, rules),
            block.cue, sentence, words);
      } else if (last != null && opensSentence(text, run[0])
          && (line == lastLine || line == lastLine + 1)) {
        q = new Quote(DIRECT, run[0], run[1], last.speaker(), last.speakerStart(),
            last.speakerEnd(), last.speakerName(), last.cue(), sentence, words);
      } else {
        q = new Quote(DIRECT, run[0], run[1], null, -1, -1, null, null, sentence, words);
      }
      out.add(q);
      if (q.speaker() != null) {
        last = q;
        lastLine = lines.lineOf(run[1] - 1);
      }
    }
    return out;
  }

  /** Quotations of a headline: those longer than a scare quote, with no speaker. */
  public static List<Quote> ofHeadline(String title, List<Token> tokens, BitSet quoted) {
    List<Quote> out = new ArrayList<>();
    for (int[] run : runs(title, quoted)) {
      int words = 0;
      for (Token t : tokens) {
        if (t.isWord() && t.start() >= run[0] && t.start() < run[1]) {
          words++;
        }
      }
      if (words > SCARE_QUOTE_WORDS) {
        out.add(new Quote(DIRECT, run[0], run[1], null, -1, -1, null, null, 0, words));
      }
    }
    return out;
  }

  /** The quoted runs of a text, each cut at line ends. */
  private static List<int[]> runs(String text, BitSet quoted) {
    List<int[]> out = new ArrayList<>();
    int i = quoted.nextSetBit(0);
    while (i >= 0) {
      int end = quoted.nextClearBit(i);
      int nl = text.indexOf('\n', i);
      if (nl >= 0 && nl < end) {
        end = nl;
      }
      int a = i;
      int b = end;
      while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
        b--;
      }
      if (b > a) {
        out.add(new int[] {a, b});
      }
      i = quoted.nextSetBit(Math.max(end, i + 1));
    }
    return out;
  }

  private static int wordsIn(List<List<Token>> tokens, int from, int to) {
    int n = 0;
    for (List<Token> s : tokens) {
      if (s.isEmpty() || s.get(s.size() - 1).end() <= from || s.get(0).start() >= to) {
        continue;
      }
      for (Token t : s) {
        if (t.isWord() && t.start() >= from && t.start() < to) {
          n++;
        }
      }
    }
    return n;
  }

  private static int quotedWordsIn(List<List<Token>> tokens, List<Voice[]> voices, int from,
      int to) {
    int n = 0;
    for (int k = 0; k < tokens.size(); k++) {
      List<Token> s = tokens.get(k);
      if (s.isEmpty() || s.get(s.size() - 1).end() <= from || s.get(0).start() >= to) {
        continue;
      }
      for (int i = 0; i < s.size(); i++) {
        Token t = s.get(i);
        if (t.isWord() && t.start() >= from && t.start() < to
            && voices.get(k)[i] == Voice.QUOTED) {
          n++;
        }
      }
    }
    return n;
  }

  /** The body sentence (from 1) holding character {@code at}, or -1. */
  private static int sentenceOf(List<List<Token>> tokens, int at) {
    for (int k = 0; k < tokens.size(); k++) {
      List<Token> s = tokens.get(k);
      if (!s.isEmpty() && s.get(s.size() - 1).end() > at) {
        return k + 1;
      }
    }
    return -1;
  }

  /**
   * Whether a quotation starting at {@code at} opens a sentence: it starts its paragraph, or
   * follows the end of a sentence (whatever the text layer's sentences are).
   */
  private static boolean opensSentence(String text, int at) {
    int i = at - 1;
    while (i >= 0 && text.charAt(i) != '\n' && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    if (i < 0 || text.charAt(i) == '\n') {
      return true;
    }
    while (i > 0 && "\"\u201D\u2019')".indexOf(text.charAt(i)) >= 0) {
      i--;
    }
    char c = text.charAt(i);
    return i < at - 1 && (c == '.' || c == '!' || c == '?');
  }

  // ---------------------------------------------------------------------------------------
  // One sentence.

  private static final class Sentence {
    final String text;
    final List<Token> t;
    final Voice[] v;
    final AttributionRules rules;
    final BitSet quoted;
    final int index;
    final int n;

    Sentence(String text, List<Token> t, Voice[] v, BitSet quoted, AttributionRules rules,
        int index) {
      this.quoted = quoted;
      this.text = text;
      this.t = t;
      this.v = v;
      this.rules = rules;
      this.index = index;
      this.n = t.size();
    }

    String norm(int i) {
      return i >= 0 && i < n ? t.get(i).norm() : "";
    }

    boolean word(int i) {
      return i >= 0 && i < n && t.get(i).isWord();
    }

    boolean quoted(int i) {
      return i >= 0 && i < n && v[i] == Voice.QUOTED;
    }

    boolean cap(int i) {
      return word(i) && Character.isUpperCase(text.charAt(t.get(i).start()));
    }

    /** A capital letter alone, as in "U.S.": its full stop is part of the name. */
    boolean initial(int i) {
      return cap(i) && t.get(i).end() - t.get(i).start() == 1;
    }

    boolean lower(int i) {
      return word(i) && !Character.isUpperCase(text.charAt(t.get(i).start()));
    }

    boolean possessive(int i) {
      if (!word(i)) {
        return false;
      }
      char last = text.charAt(t.get(i).end() - 1);
      String raw = text.substring(t.get(i).start(), t.get(i).end()).toLowerCase(Locale.ROOT);
      return raw.endsWith("'s") || raw.endsWith("\u2019s") || last == '\'' || last == '\u2019';
    }

    boolean comma(int i) {
      return i >= 0 && i < n && !t.get(i).isWord() && norm(i).equals(",");
    }

    boolean quoteMark(int i) {
      if (i < 0 || i >= n || t.get(i).isWord()) {
        return false;
      }
      String p = norm(i);
      return p.equals("\"") || p.equals("\u201C") || p.equals("\u201D") || p.equals("\u00AB")
          || p.equals("\u00BB");
    }

    boolean sentenceEnd(int i) {
      if (i >= n) {
        return true;
      }
      for (int k = i; k < n; k++) {
        String p = norm(k);
        if (t.get(k).isWord() || !(p.equals(".") || p.equals("!") || p.equals("?")
            || p.equals(":") || quoteMark(k) || p.equals(")"))) {
          return false;
        }
      }
      return true;
    }

    /** The last index of the sentence's content: before its final punctuation. */
    int lastContent() {
      int e = n - 1;
      while (e >= 0 && !t.get(e).isWord() && !quoteMark(e)) {
        e--;
      }
      return e;
    }

    /** Whether token i is a reporting cue: [kind, first, last] or null. */
    boolean isVerbCue(int i) {
      if (!lower(i) || quoted(i) || !rules.verbs.contains(norm(i))) {
        return false;
      }
      Set<String> particles = rules.needsParticle.get(norm(i));
      if (particles != null && !particles.contains(norm(i + 1))) {
        return false;
      }
      int p = i - 1;
      while (p >= 0 && word(p) && Set.of("widely", "also", "not", "often", "reportedly")
          .contains(norm(p))) {
        p--;
      }
      if (BE.contains(norm(p)) || norm(p).equals("been")) {
        return false;
      }
      return !(DETERMINERS.contains(norm(i - 1)) && !norm(i - 1).equals("that"))
          && !possessive(i - 1);
    }

    List<Claim> claims() {
      List<Claim> out = new ArrayList<>();
      int taken = -1;
      boolean afterTail = false;
      for (int i = 0; i < n; i++) {
        if (i <= taken || quoted(i) || !word(i)) {
          continue;
        }
        boolean chain = rules.participles.contains(norm(i)) && lower(i) && comma(i - 1);
        if (afterTail && !chain) {
          continue; // "..., the UN said, according to Haaretz": a source of the source
        }
        Claim c = null;
        if (rules.according.contains(norm(i)) && norm(i + 1).equals("to")) {
          c = according(i);
        } else if (norm(i).equals("as") && rules.reportedBy.contains(norm(i + 1))
            && norm(i + 2).equals("by")) {
          c = asReportedBy(i);
        } else if (rules.quotedAs.contains(norm(i)) && lower(i)) {
          c = quotedAs(i);
        }
        if (c == null && (isVerbCue(i) || rules.participles.contains(norm(i)) && lower(i))) {
          c = verb(i, out);
        }
        if (c == null || overlaps(c, out)) {
          continue;
        }
        out.add(c);
        if (c.from > c.to) {
          taken = i;
        } else if (c.to < i) {
          afterTail = true; // the content came before the cue
          taken = i;
        } else {
          afterTail = false;
          taken = c.to;
        }
      }
      return out;
    }

    private boolean overlaps(Claim c, List<Claim> out) {
      if (c.from > c.to) {
        return false;
      }
      for (Claim o : out) {
        if (o.from <= o.to && c.from <= o.to && o.from <= c.to) {
          return true;
        }
      }
      return false;
    }

    private Claim claim(int from, int to, int[] sp, String cue) {
      while (to >= from && !t.get(to).isWord() && !quoteMark(to) && !norm(to).equals("]")
          && !norm(to).equals(")")) {
        to--;
      }
      while (from <= to && (comma(from) || norm(from).equals(":"))) {
        from++;
      }
      int cs = from <= to ? t.get(from).start() : -1;
      int ce = from <= to ? t.get(to).end() : -1;
      return new Claim(index, from, to, sp[0], sp[1], cue, cs, ce, t, v, 0);
    }

    /** "CONTENT, according to X." or "According to X, CONTENT." */
    private Claim according(int i) {
      int[] sp = npRight(i + 2);
      if (sp == null) {
        return null;
      }
      String cue = "according to";
      int before = i - 1;
      if (comma(before) || quoteMark(before) && comma(before - 1)) {
        int end = comma(before) ? before - 1 : before;
        if (countWords(0, end) >= 2) {
          return tail(0, end, sp, cue);
        }
      }
      if (i == 0 || leadingEnd() == i - 1) {
        int after = sp[1] + 1;
        if (comma(after)) {
          return claim(after + 1, lastContent(), sp, cue);
        }
      }
      return null;
    }

    /** "As reported by X, CONTENT." */
    private Claim asReportedBy(int i) {
      int[] sp = npRight(i + 3);
      if (sp == null || !comma(sp[1] + 1)) {
        return null;
      }
      return claim(sp[1] + 2, lastContent(), sp, norm(i + 1) + " by");
    }

    /**
     * "Z quoted X as saying (that) CONTENT", "'...,' Z quoted X as saying." and "X was quoted by
     * Z (as) saying (that) CONTENT".
     */
    private Claim quotedAs(int i) {
      if (BE.contains(norm(i - 1)) && norm(i + 1).equals("by")) {
        int[] z = npRight(i + 2);
        int[] sp = speakerLeft(i - 2);
        if (z == null || sp == null) {
          return null;
        }
        int k = z[1] + 1;
        if (norm(k).equals("as")) {
          k++;
        }
        if (!norm(k).equals("saying")) {
          return null;
        }
        k++;
        if (norm(k).equals("that")) {
          k++;
        }
        return sentenceEnd(k) ? null : claim(k, contentEnd(k), sp, norm(i) + " by");
      }
      int[] sp = npRight(i + 1);
      if (sp == null || !norm(sp[1] + 1).equals("as") || !norm(sp[1] + 2).equals("saying")) {
        return null;
      }
      String cue = norm(i) + " as saying";
      int after = sp[1] + 3;
      if (sentenceEnd(after)) {
        int[] z = speakerLeft(i - 1);
        int end = z != null ? z[0] - 1 : i - 1;
        if ((comma(end) || quoteMark(end)) && countWords(0, end) >= 2) {
          return tail(0, end, sp, cue);
        }
        return null;
      }
      if (norm(after).equals("that")) {
        after++;
      }
      return claim(after, contentEnd(after), sp, cue);
    }

    /** A verb cue at {@code c}: a tail, a head or a chain. */
    private Claim verb(int c, List<Claim> before) {
      String cue = norm(c);
      boolean participle = rules.participles.contains(cue);
      int k = c + 1;
      Set<String> particles = rules.needsParticle.get(cue);
      if (particles != null) {
        cue = cue + " " + norm(k);
        k++;
      }
      // A chain: ", adding that ..." after an attribution of this sentence.
      if (participle && comma(c - 1)) {
        if (before.isEmpty()) {
          return null;
        }
        Claim prev = before.get(before.size() - 1);
        if (norm(k).equals("that")) {
          k++;
        }
        return claim(k, contentEnd(k), new int[] {prev.speakerFrom, prev.speakerTo}, cue);
      }
      // The inverted tail: '"...," said Erdogan.'
      if ((comma(c - 1) || quoteMark(c - 1)) && !participle) {
        int[] sp = npRight(c + 1);
        if (sp != null && (sentenceEnd(sp[1] + 1) || comma(sp[1] + 1))
            && countWords(0, c - 1) >= 2) {
          return tail(0, c - 1, sp, cue);
        }
      }
      int[] sp = speakerLeft(c - 1);
      if (sp == null) {
        return null;
      }
      if (participle && !norm(sp[0] - 1).equals("with")) {
        return null; // only "with X saying (that) ..."
      }
      if (rules.listenerVerbs.contains(norm(c))) {
        k = skipListener(k);
      }
      while (lower(k) && !quoted(k) && norm(k).endsWith("ly") && norm(k).length() > 3) {
        k++; // "said calmly", "warned repeatedly that"
      }
      boolean that = false;
      for (int j = k; j < Math.min(n, k + THAT_WITHIN); j++) {
        if (quoted(j) || comma(j)) {
          break;
        }
        if (norm(j).equals("that") && lower(j)) {
          that = true;
          if (j == k || adjunctOnly(k, j - 1)) {
            k = j + 1;
          }
          break;
        }
      }
      if (norm(n - 1).equals(":") && (sentenceEnd(k) || adjunctOnly(k, n - 1))) {
        // "Erdogan's office declared:": an introduction, the content to come.
        return new Claim(index, 1, 0, sp[0], sp[1], cue, -1, -1, t, v, 0);
      }
      boolean tailLike = !that && (sentenceEnd(k)
          || comma(k) && (rules.participles.contains(norm(k + 1))
              || rules.according.contains(norm(k + 1)))
          || ADJUNCT.contains(norm(k)) && !quoted(k) && adjunctOnly(k, n - 1));
      int sf = sp[0];
      boolean afterContent = sf > 0 && (comma(sf - 1) || quoteMark(sf - 1))
          && countWords(0, sf - 1) >= 2;
      if (tailLike) {
        return afterContent ? tail(0, sf - 1, sp, cue) : null;
      }
      if (!that && comma(k) && afterContent) {
        // '"...," he said, towns again': the comma after the cue ends the attribution.
        return tail(0, sf - 1, sp, cue);
      }
      if (!validHeadStart(sp[0])) {
        return null;
      }
      return claim(k, contentEnd(k), sp, cue);
    }

    /** A tail attribution of content [from, end]. */
    private Claim tail(int from, int end, int[] sp, String cue) {
      Claim c = claim(from, end, sp, cue);
      if (c.from <= c.to && quoted(c.from)) {
        // The quotation may have opened in an earlier sentence of the paragraph.
        return new Claim(c.sentence, c.from, c.to, c.speakerFrom, c.speakerTo, c.cue,
            quoteStart(t.get(c.from).start()), c.charEnd, t, v, 0);
      }
      return c;
    }

    /** Where the quotation holding character {@code at} opens (in its paragraph). */
    private int quoteStart(int at) {
      int lineStart = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
      int i = at;
      while (i > lineStart && quoted.get(i - 1)) {
        i--;
      }
      return i;
    }

    /** The content's end: the sentence's, or before a trailing ", according to X" / ", X said". */
    private int contentEnd(int from) {
      int last = lastContent();
      for (int j = from + 1; j <= last; j++) {
        if (quoted(j) && !quoteMark(j)) {
          continue;
        }
        boolean sep = comma(j) || quoteMark(j) && comma(j - 1);
        if (!sep) {
          continue;
        }
        int a = j + 1;
        if (rules.according.contains(norm(a)) && norm(a + 1).equals("to")) {
          return comma(j) ? j - 1 : j;
        }
        for (int c = a + 1; c <= Math.min(last + 1, a + MAX_SPEAKER_WORDS); c++) {
          if (isVerbCue(c) && (sentenceEnd(c + 1) || ADJUNCT.contains(norm(c + 1))
              && adjunctOnly(c + 1, n - 1))) {
            int[] sp = speakerLeft(c - 1);
            if (sp != null && sp[0] == a) {
              return comma(j) ? j - 1 : j;
            }
          }
        }
      }
      return last;
    }

    /** Whether [from, to] holds no "that", no quotation and no cue: an adjunct, not content. */
    private boolean adjunctOnly(int from, int to) {
      int words = 0;
      for (int j = from; j <= to && j < n; j++) {
        if (quoted(j)) {
          return false;
        }
        if (word(j)) {
          words++;
          if (norm(j).equals("that") || rules.verbs.contains(norm(j)) && lower(j)
              && !norm(j + 1).equals("by")) {
            return false;
          }
        }
      }
      return words <= 20;
    }

    private int skipListener(int k) {
      int j = k;
      if (LISTENERS.contains(norm(j)) && lower(j)) {
        while (word(j) && lower(j) && !norm(j).equals("that") && LISTENERS.contains(norm(j))) {
          j++;
        }
      } else if (cap(j)) {
        while (cap(j) || norm(j).equals(".") && cap(j + 1)) {
          j++;
        }
      } else {
        return k;
      }
      if (norm(j).equals("(")) {
        while (j < n && !norm(j).equals(")")) {
          j++;
        }
        j++;
      }
      return j;
    }

    /** Whether a head's speaker starts a clause: the sentence, a leading phrase, or a quote. */
    private boolean validHeadStart(int sf) {
      if (sf == 0 || rules.pronouns.contains(norm(sf)) && lower(sf)) {
        return true;
      }
      int p = sf - 1;
      return comma(p) || quoteMark(p) || !word(p) && !t.get(p).isHyphen()
          || Set.of("and", "but", "who", "which", "cited", "while", "as", "when", "with",
              "after", "since", "because", "then", "also").contains(norm(p));
    }

    /** The end of a leading phrase ("Last week,", "On September 4,"): its comma, or -2. */
    private int leadingEnd() {
      if (!LEADING.contains(norm(0))) {
        return -2;
      }
      for (int j = 1; j < Math.min(n, 12); j++) {
        if (comma(j)) {
          return j;
        }
        if (quoted(j)) {
          return -2;
        }
      }
      return -2;
    }

    private int countWords(int from, int to) {
      int w = 0;
      for (int j = Math.max(0, from); j <= to && j < n; j++) {
        if (word(j)) {
          w++;
        }
      }
      return w;
    }

    private boolean skippable(int j) {
      if (!word(j)) {
        return false;
      }
      String w = norm(j);
      if (Character.isDigit(w.charAt(0))) {
        return true;
      }
      if (lower(j)) {
        return rules.between.contains(w);
      }
      // "on Tuesday", "on September 9th"
      return rules.between.contains(w) && (norm(j - 1).equals("on")
          || rules.between.contains(norm(j - 1)) && lower(j - 1)
          || !norm(j + 1).isEmpty() && Character.isDigit(norm(j + 1).charAt(0)));
    }

    /**
     * The speaker {first, last} whose last token is at or before {@code j}, across words between
     * it and the cue, an appositive and a relative clause; null when there is none.
     */
    int[] speakerLeft(int j) {
      while (j >= 0) {
        if (skippable(j)) {
          j--;
        } else if (norm(j).equals("and") && lower(j - 1)
            && (rules.verbs.contains(norm(j - 1)) || norm(j - 1).endsWith("ed"))) {
          j -= 2; // "responded and insisted"
        } else {
          break;
        }
      }
      if (j < 0) {
        return null;
      }
      if (word(j) && RELATIVE.contains(norm(j)) && lower(j)) {
        int f = npLeft(j - 1);
        return f < 0 ? null : new int[] {f, j - 1};
      }
      if (comma(j)) {
        int inner = npLeft(j - 1);
        if (inner > 1 && comma(inner - 1)) {
          int outer = npLeft(inner - 2);
          if (outer >= 0 && (outer == 0 || comma(outer - 1) || quoteMark(outer - 1)
              || outer == leadingEnd() + 1)) {
            return new int[] {outer, j - 1}; // "Staffan de Mistura, the UN envoy for Syria, said"
          }
        }
        // "Turkey, which has sent troops ..., called for"
        int start = Math.max(leadingEnd() + 1, 0);
        for (int f = start; f < j; f++) {
          if (comma(f)) {
            if (RELATIVE.contains(norm(f + 1))) {
              int first = npLeft(f - 1);
              if (first == start) {
                return new int[] {first, f - 1};
              }
            }
            break;
          }
        }
        return null;
      }
      int f = npLeft(j);
      return f < 0 ? null : new int[] {f, j};
    }

    /** A capitalised word that can be part of a name ("If" and "The" cannot end one). */
    boolean capWord(int i) {
      return cap(i) && (!NOT_IN_NAMES.contains(norm(i)) && !DETERMINERS.contains(norm(i))
          || acronym(i));
    }

    /** Two or more capitals ("US", "UN", "WSJ"). */
    boolean acronym(int i) {
      String raw = text.substring(t.get(i).start(), t.get(i).end());
      return raw.length() > 1 && raw.equals(raw.toUpperCase(Locale.ROOT));
    }

    /** The noun phrase ending at {@code j}: its first token, or -1 when it is none. */
    int npLeft(int j) {
      if (j < 0) {
        return -1;
      }
      int end = j;
      if (norm(j).equals(")")) {
        int open = j;
        while (open >= 0 && !norm(open).equals("(")) {
          open--;
        }
        if (open <= 0) {
          return -1;
        }
        end = open - 1;
      }
      if (!word(end)) {
        return -1;
      }
      if (rules.pronouns.contains(norm(end)) && lower(end) || rules.pronouns.contains(norm(end))
          && end == 0) {
        return end;
      }
      if (!(capWord(end) || rules.roles.contains(norm(end)))) {
        return -1;
      }
      int first = end;
      int words = 1;
      int i = end - 1;
      while (i >= 0 && words < MAX_SPEAKER_WORDS) {
        String w = norm(i);
        if (quoted(i)) {
          break;
        }
        if (capWord(i)) {
          first = i;
          words++;
        } else if (word(i) && DETERMINERS.contains(w) && !w.equals("that")) {
          first = i;
          words++;
          if (LINKS.contains(norm(i - 1)) && !norm(i - 1).equals("and") && word(i - 2)) {
            i--;
            continue;
          }
          break;
        } else if (word(i) && LINKS.contains(w)) {
          if (!(word(i - 1) && (cap(i - 1) || !NOT_IN_NAMES.contains(norm(i - 1))))) {
            break;
          }
          if (w.equals("and") && !(cap(i - 1) && cap(i + 1))) {
            break;
          }
        } else if (t.get(i).isHyphen() || norm(i).equals(".") && initial(i - 1)) {
          // "Secretary-General", "U.S."
        } else if (norm(i).equals(",") && cap(i - 1) && cap(i + 1) && hasAnd(i, end)) {
          // "Russia, Turkey and Iran"
        } else if (norm(i).equals(")")) {
          int open = i;
          while (open >= 0 && !norm(open).equals("(")) {
            open--;
          }
          if (open <= 0) {
            break;
          }
          i = open;
        } else if (word(i) && lower(i) && !NOT_IN_NAMES.contains(w)
            && !rules.verbs.contains(w) && !rules.participles.contains(w)
            && !(w.endsWith("ed") && !t.get(Math.max(0, i - 1)).isHyphen()
                && !rules.roles.contains(w))
            && !(w.endsWith("ing") && !t.get(Math.max(0, i - 1)).isHyphen())) {
          first = i;
          words++;
        } else {
          break;
        }
        i--;
      }
      // Not a phrase that starts at a link word.
      while (first < end && LINKS.contains(norm(first))) {
        first++;
      }
      return first;
    }

    private boolean hasAnd(int from, int to) {
      for (int k = from; k <= to; k++) {
        if (norm(k).equals("and")) {
          return true;
        }
      }
      return false;
    }

    /** A noun phrase starting at {@code j} ("according to the White Helmets ..."). */
    int[] npRight(int j) {
      if (!word(j) || quoted(j) || !(capWord(j) || DETERMINERS.contains(norm(j))
          || rules.roles.contains(norm(j)) || rules.pronouns.contains(norm(j)))) {
        return null;
      }
      int k = j;
      int words = 0;
      int lastGood = -1;
      while (k < n && words < MAX_SPEAKER_WORDS && !quoted(k)) {
        String w = norm(k);
        if (word(k)) {
          if (lower(k) && (NOT_IN_NAMES.contains(w) && !LINKS.contains(w)
              || rules.verbs.contains(w) || rules.participles.contains(w))) {
            break;
          }
          words++;
          if (capWord(k) || rules.roles.contains(w) || rules.pronouns.contains(w)) {
            lastGood = k;
          }
        } else if (!(t.get(k).isHyphen() || w.equals(".") && initial(k - 1)
            || w.equals("(") || w.equals(")"))) {
          break;
        }
        if (w.equals("(")) {
          while (k < n && !norm(k).equals(")")) {
            k++;
          }
          lastGood = k;
        }
        k++;
      }
      if (lastGood < 0) {
        return null;
      }
      return new int[] {j, lastGood};
    }
  }

  // ---------------------------------------------------------------------------------------
  // Names.

  /** An earlier speaker: its words (lower case), abbreviations in brackets, name, person. */
  private record Named(List<String> words, Set<String> abbreviations, String name,
      boolean person) {}

  /** The resolved name of speaker tokens [from, to], remembering it for later speakers. */
  static String resolve(String text, List<Token> tokens, int from, int to, List<Named> named,
      AttributionRules rules) {
    // An appositive ("Staffan de Mistura, the UN envoy for Syria"): the name comes first.
    int end = to;
    for (int i = from + 1; i < to; i++) {
      if (tokens.get(i).norm().equals(",") && isCap(text, tokens.get(i - 1))
          && !(i + 1 <= to && isCap(text, tokens.get(i + 1)))) {
        end = i - 1;
        break;
      }
    }
    List<String> words = new ArrayList<>();
    Set<String> abbreviations = new java.util.HashSet<>();
    int lastWord = -1;
    boolean inBrackets = false;
    for (int i = from; i <= to; i++) {
      Token tk = tokens.get(i);
      inBrackets = tk.norm().equals("(") || inBrackets && !tk.norm().equals(")");
      if (tk.isWord()) {
        words.add(tk.norm());
        if (inBrackets) {
          abbreviations.add(tk.norm());
        }
        if (i <= end) {
          lastWord = i;
        }
      }
    }
    if (lastWord < 0) {
      return null;
    }
    String head = tokens.get(lastWord).norm();
    if (words.size() == 1 && rules.pronouns.contains(head)) {
      boolean wantsPerson = head.equals("he") || head.equals("she");
      for (int k = named.size() - 1; k >= 0; k--) {
        Named n = named.get(k);
        if (n.name != null && (!wantsPerson || n.person)) {
          return n.name;
        }
      }
      return null;
    }
    boolean capHead = isCap(text, tokens.get(lastWord));
    int runStart = capHead ? capRunStart(text, tokens, from, lastWord, rules) : lastWord;
    // A description ends in a capitalised word after a link: "the UN envoy to Syria".
    boolean description = !capHead || runStart > from
        && (Set.of("of", "for", "from", "to", "at", "and").contains(
            tokens.get(runStart - 1).norm()));
    String roleHead = head;
    if (description && capHead) {
      roleHead = null;
      for (int k = runStart - 1; k >= from && roleHead == null; k--) {
        if (rules.roles.contains(tokens.get(k).norm()) && !isCap(text, tokens.get(k))) {
          roleHead = tokens.get(k).norm();
        }
      }
    }
    String name = null;
    boolean person = false;
    // "the spokesman", "the observatory", "The Turkish FM": an earlier speaker written so.
    for (int k = named.size() - 1; k >= 0 && name == null; k--) {
      Named n = named.get(k);
      if (n.name == null) {
        continue;
      }
      boolean byRole = description && roleHead != null && n.words.contains(roleHead);
      boolean byAbbreviation = capHead && n.abbreviations.contains(head)
          && !abbreviations.contains(head);
      if (byRole || byAbbreviation) {
        name = n.name;
        person = n.person;
      }
    }
    if (name == null && capHead && !description) {
      int nameStart = runStart;
      for (int k = runStart; k <= lastWord; k++) {
        if (tokens.get(k).isWord() && rules.titles.contains(tokens.get(k).norm())) {
          nameStart = k + 1;
        }
      }
      while (nameStart < lastWord && (!tokens.get(nameStart).isWord()
          || possessive(text, tokens.get(nameStart)))) {
        nameStart++; // "Iran's Hassan Rouhani" is Hassan Rouhani
      }
      if (nameStart > lastWord) {
        nameStart = runStart; // all titles: "the Turkish Foreign Ministry"
      } else if (nameStart > runStart) {
        person = true;
      }
      name = text.substring(tokens.get(nameStart).start(), tokens.get(lastWord).end());
      int nameWords = 0;
      boolean plain = true;
      for (int k = nameStart; k <= lastWord; k++) {
        Token tk = tokens.get(k);
        if (tk.isWord()) {
          nameWords++;
          String raw = text.substring(tk.start(), tk.end());
          plain &= !rules.roles.contains(tk.norm()) && !Set.of("of", "for", "and")
              .contains(tk.norm()) && !(raw.length() > 1 && raw.equals(raw.toUpperCase(
                  Locale.ROOT)));
        } else if (!tk.isHyphen()) {
          plain = false;
        }
      }
      if (nameWords == 1) {
        person = plain; // a surname, most often
      } else if (!person) {
        person = plain && nameWords <= 4;
      }
      // The tail of an earlier name ("Guterres", "the Foreign Ministry"): that name.
      String tail = " " + name.toLowerCase(Locale.ROOT);
      boolean found = false;
      for (int k = named.size() - 1; k >= 0 && !found; k--) {
        Named n = named.get(k);
        if (n.name != null && (" " + n.name.toLowerCase(Locale.ROOT)).endsWith(tail)
            && n.name.length() > name.length()) {
          name = n.name;
          person = n.person;
          found = true;
        }
      }
      if (!found && nameWords == 1 && plain) {
        // A surname of someone named earlier, though not as a speaker.
        String full = earlierFullName(text, tokens.get(from).start(), name, rules);
        if (full != null) {
          name = full;
          person = true;
        }
      }
    } else if (name == null) {
      // A description: its own capitalised words when they name something ("the White House
      // statement"), else the words without their article.
      int capEnd = -1;
      for (int k = capHead ? runStart - 1 : lastWord - 1; k >= from && capEnd < 0; k--) {
        if (isCap(text, tokens.get(k)) && !DETERMINERS.contains(tokens.get(k).norm())) {
          capEnd = k;
        }
      }
      int capStart = capEnd < 0 ? -1 : capRunStart(text, tokens, from, capEnd, rules);
      if (!capHead && capEnd > capStart && capStart >= 0
          && !possessive(text, tokens.get(capEnd))
          && !rules.titles.contains(tokens.get(capEnd).norm())) {
        int nameEnd = tokens.get(capEnd).end();
        if (capEnd + 1 <= to && tokens.get(capEnd + 1).norm().equals(".")) {
          nameEnd = tokens.get(capEnd + 1).end(); // "U.S."
        }
        name = text.substring(tokens.get(capStart).start(), nameEnd);
      } else {
        int s = from;
        while (s < end && (!tokens.get(s).isWord() || Set.of("the", "a", "an")
            .contains(tokens.get(s).norm()))) {
          s++;
        }
        name = text.substring(tokens.get(s).start(), tokens.get(lastWord).end());
      }
    }
    named.add(new Named(words, abbreviations, name, person));
    return name;
  }

  /**
   * The last full name before {@code before} that ends in {@code surname} ("Turkish President
   * Recep Tayyip Erdogan's op-ed" for "Erdogan"), without its titles; null when there is none.
   */
  static String earlierFullName(String text, int before, String surname,
      AttributionRules rules) {
    int at = text.lastIndexOf(surname, before - 1);
    while (at > 0) {
      int end = at + surname.length();
      boolean bounded = !Character.isLetterOrDigit(text.charAt(at - 1))
          && (end >= text.length() || !Character.isLetterOrDigit(text.charAt(end)));
      if (bounded) {
        int from = Math.max(0, text.lastIndexOf('\n', at) + 1);
        from = Math.max(from, at - 80);
        List<Token> tk = Tokenizer.tokenize(text, from, end);
        int last = tk.size() - 1;
        if (last > 0) {
          int s = capRunStart(text, tk, 0, last, rules);
          int nameStart = s;
          for (int k = s; k < last; k++) {
            if (tk.get(k).isWord() && rules.titles.contains(tk.get(k).norm())) {
              nameStart = k + 1;
            }
          }
          while (nameStart < last && (!tk.get(nameStart).isWord()
              || rules.between.contains(tk.get(nameStart).norm())
              || NOT_IN_NAMES.contains(tk.get(nameStart).norm())
              || possessive(text, tk.get(nameStart)))) {
            nameStart++;
          }
          if (nameStart < last && !(s == 0 && from > 0 && nameStart == 0)) {
            String full = text.substring(tk.get(nameStart).start(), end);
            if (full.indexOf('\n') < 0) {
              return full;
            }
          }
        }
      }
      at = text.lastIndexOf(surname, at - 1);
    }
    return null;
  }

  /** The first token of the run of capitalised words ending at {@code last}. */
  private static int capRunStart(String text, List<Token> tokens, int from, int last,
      AttributionRules rules) {
    int s = last;
    for (int i = last - 1; i >= from; i--) {
      Token tk = tokens.get(i);
      if (tk.isWord() && isCap(text, tk) && !DETERMINERS.contains(tk.norm())) {
        s = i;
      } else if (tk.isWord() && rules.nameParticles.contains(tk.norm())
          || tk.isHyphen() || tk.norm().equals(".")
          || tk.isWord() && Set.of("of", "for").contains(tk.norm()) && i > from
              && isCap(text, tokens.get(i - 1))) {
        continue;
      } else {
        break;
      }
    }
    return s;
  }

  private static boolean possessive(String text, Token t) {
    String raw = text.substring(t.start(), t.end());
    return raw.endsWith("'s") || raw.endsWith("\u2019s") || raw.endsWith("'")
        || raw.endsWith("\u2019");
  }

  private static boolean isCap(String text, Token t) {
    return t.isWord() && Character.isUpperCase(text.charAt(t.start()));
  }

  /** Paragraphs (non-empty lines) of a text. */
  private static final class Lines {
    private final int[] starts;

    Lines(String text) {
      List<Integer> s = new ArrayList<>();
      int i = 0;
      while (i <= text.length()) {
        int nl = text.indexOf('\n', i);
        int end = nl < 0 ? text.length() : nl;
        if (!text.substring(i, end).isBlank()) {
          s.add(i);
        }
        if (nl < 0) {
          break;
        }
        i = nl + 1;
      }
      starts = s.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The paragraph number of character {@code at}. */
    int lineOf(int at) {
      int lo = 0;
      int hi = starts.length - 1;
      int ans = 0;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (starts[mid] <= at) {
          ans = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return ans;
    }
  }
}
