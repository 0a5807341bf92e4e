package org.framescope.corpus;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Turns whatever a record's text field holds into plain text without losing the record: invalid
 * UTF-8 becomes U+FFFD, NUL and other control characters go, HTML markup becomes text with its
 * paragraphs as blank-line breaks. Each repair made is named, so the articles table can say so.
 */
public final class TextRepair {
  public static final String INVALID_UTF8 = "invalid_utf8";
  public static final String CONTROL_CHARS = "control_chars";
  public static final String HTML = "html";

  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
  private static final Pattern HTML_TAG = Pattern.compile(
      "(?i)</?(p|br|div|span|a|html|body|head|h[1-6]|li|ul|ol|em|strong|b|i|img|figure|figcaption"
          + "|script|style|section|article|blockquote|table|tr|td)\\b[^>]*>");
  private static final Pattern BLOCK_END = Pattern.compile(
      "(?i)(<br\\s*/?>|</(p|div|h[1-6]|li|figcaption|blockquote|tr|section|article)>)");

  private TextRepair() {}

  /** Decodes bytes as UTF-8, replacing invalid sequences; records that it did in {@code repairs}. */
  public static String decode(byte[] bytes, List<String> repairs) {
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return strict.decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      repairs.add(INVALID_UTF8);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** Plain text from {@code text}; the repairs made are added to {@code repairs}. */
  public static String repair(String text, List<String> repairs) {
    String s = text;
    if (s.indexOf('\uFFFD') >= 0 && !repairs.contains(INVALID_UTF8)) {
      repairs.add(INVALID_UTF8);
    }
    if (s.indexOf('\r') >= 0) {
      s = s.replace("\r\n", "\n").replace('\r', '\n');
    }
    if (CONTROL.matcher(s).find()) {
      repairs.add(CONTROL_CHARS);
      s = CONTROL.matcher(s).replaceAll("");
    }
    if (HTML_TAG.matcher(s).find()) {
      repairs.add(HTML);
      s = htmlToText(s);
    }
    return s;
  }

  private static String htmlToText(String html) {
    // jsoup collapses white space in text(); wholeText() keeps it, so block ends are marked
    // as line breaks before parsing and survive as paragraphs.
    String marked = BLOCK_END.matcher(html).replaceAll("$1\n\n");
    Document doc = Jsoup.parse(marked);
    doc.select("script, style, noscript").remove();
    return doc.wholeText();
  }
}
