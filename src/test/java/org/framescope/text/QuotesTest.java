package org.framescope.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotesTest {
  /** The quoted stretches of {@code text}, in order. */
  private static List<String> quoted(String text, BitSet mask) {
    List<String> out = new ArrayList<>();
    int i = mask.nextSetBit(0);
    while (i >= 0) {
      int end = mask.nextClearBit(i);
      out.add(text.substring(i, end));
      i = mask.nextSetBit(end);
    }
    return out;
  }

  private static List<String> body(String text) {
    return quoted(text, Quotes.inBody(text));
  }

  @Test
  void straightAndCurlyQuotesAcrossCommasAndSentenceEnds() {
    assertThat(body("He said \"stop the war. Now, please,\" and left."))
        .containsExactly("\"stop the war. Now, please,\"");
    assertThat(body("Officials called it a “massacre,” according to the WSJ."))
        .containsExactly("“massacre,”");
    assertThat(body("the “worst humanitarian catastrophe of the century.\" Kalin said"))
        .containsExactly("“worst humanitarian catastrophe of the century.\"");
    assertThat(body("\"It is essential,\" Guterres said. \"Avoid a battle.\""))
        .containsExactly("\"It is essential,\"", "\"Avoid a battle.\"");
  }

  @Test
  void aQuoteContinuedInTheNextParagraph() {
    String text = "“We will not stop,” he said. “The war goes on.\n\n“And it will end.” Then he left.";
    assertThat(body(text)).containsExactly("“We will not stop,”", "“The war goes on.",
        "“And it will end.”");
  }

  @Test
  void aContinuationWithoutItsOpeningQuoteIsStillQuoted() {
    String text = "He said: “The war goes on.\nAnd it will end,” the minister added.";
    assertThat(body(text)).containsExactly("“The war goes on.", "And it will end,”");
  }

  @Test
  void anUnbalancedQuoteClosesAtTheParagraphEnd() {
    String text = "“This corridor is for media purposes, Abdulrahman told VOA.\n\n"
        + "The regime denied it.";
    assertThat(body(text)).containsExactly(
        "“This corridor is for media purposes, Abdulrahman told VOA.");
  }

  @Test
  void aShortParagraphEndingInAColonIntroducesABlockQuote() {
    String text = "The Turkish FM told reporters in Lebanon:\n\nNobody can keep our forces trapped.\n\n"
        + "The outlet's own sentence.";
    assertThat(body(text)).containsExactly("Nobody can keep our forces trapped.");
    String listLike = "Three things matter in the long paragraph that goes on and on and "
        + "describes the whole situation in far more than twenty-five words before it ends:\n"
        + "The next paragraph.";
    assertThat(body(listLike)).isEmpty();
  }

  @Test
  void apostrophesAndSingleQuotesInBodyTextAreNotQuotations() {
    assertThat(body("Syria's war and the rebels' 'last stand' go on.")).isEmpty();
  }

  @Test
  void headlinesQuoteWithSingleQuotesToo() {
    String a = "UN Urges Putin, Erdogan To Help Avert 'Bloodbath' In Syria's Idlib";
    assertThat(quoted(a, Quotes.inHeadline(a))).containsExactly("'Bloodbath'");
    String b = "Turkey to Russia: Syrian Offensive Triggering ‘Humanitarian Crisis’";
    assertThat(quoted(b, Quotes.inHeadline(b))).containsExactly("‘Humanitarian Crisis’");
    String c = "Turkey Seems Adamant To Rescue Terrorists In Syria’s Idlib Province";
    assertThat(quoted(c, Quotes.inHeadline(c))).isEmpty();
    String d = "Erdogan: \"A Massacre\" Looms";
    assertThat(quoted(d, Quotes.inHeadline(d))).containsExactly("\"A Massacre\"");
  }
}
