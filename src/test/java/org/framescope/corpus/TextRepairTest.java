package org.framescope.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextRepairTest {
  @Test
  void invalidUtf8BecomesReplacementCharactersAndIsNamed() {
    List<String> repairs = new ArrayList<>();
    byte[] bytes = {'a', 'b', (byte) 0xC3, (byte) 0x28, 'c'};
    String text = TextRepair.decode(bytes, repairs);
    assertThat(text).isEqualTo("ab\uFFFD(c");
    assertThat(repairs).containsExactly(TextRepair.INVALID_UTF8);
  }

  @Test
  void validUtf8IsUntouched() {
    List<String> repairs = new ArrayList<>();
    String s = "Idlib \u2013 \u0625\u062F\u0644\u0628 \uD83D\uDE00";
    assertThat(TextRepair.decode(s.getBytes(java.nio.charset.StandardCharsets.UTF_8), repairs))
        .isEqualTo(s);
    assertThat(TextRepair.repair(s, repairs)).isEqualTo(s);
    assertThat(repairs).isEmpty();
  }

  @Test
  void nulAndControlCharactersGoButLineBreaksStay() {
    List<String> repairs = new ArrayList<>();
    assertThat(TextRepair.repair("a\u0000b\r\nc\u0007\td", repairs)).isEqualTo("ab\nc\td");
    assertThat(repairs).containsExactly(TextRepair.CONTROL_CHARS);
  }

  @Test
  void htmlBecomesParagraphsOfText() {
    List<String> repairs = new ArrayList<>();
    String html = "<div><p>Regime forces &amp; allies advanced.</p><script>var x=1;</script>"
        + "<p>Civilians <b>fled</b>.<br>Many more</p></div>";
    String text = TextRepair.repair(html, repairs);
    assertThat(text).contains("Regime forces & allies advanced.", "Civilians fled.", "Many more")
        .doesNotContain("<", "var x");
    assertThat(text.indexOf("Civilians")).isGreaterThan(text.indexOf("advanced.\n"));
    assertThat(repairs).containsExactly(TextRepair.HTML);
  }

  @Test
  void aLessThanSignInProseIsNotHtml() {
    List<String> repairs = new ArrayList<>();
    assertThat(TextRepair.repair("Casualties < 100 and > 50", repairs))
        .isEqualTo("Casualties < 100 and > 50");
    assertThat(repairs).isEmpty();
  }
}
