package org.framescope.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Attribution rules on literal sentences: what is reported, by whom, and what is left alone. */
class AttributionTest {
  private static VoicedText voiced(String text) {
    return VoicedText.of(null, text);
  }

  private static List<String> rows(String text) {
    List<String> out = new ArrayList<>();
    for (Attribution.Quote q : voiced(text).quotes()) {
      out.add(q.kind() + " | " + q.speaker() + " | " + q.speakerName() + " | " + q.cue() + " | "
          + text.substring(q.charStart(), q.charEnd()));
    }
    return out;
  }

  /** The words of a text in a voice, joined by spaces. */
  private static String words(String text, Voice voice) {
    List<String> w = new ArrayList<>();
    for (VoicedText.Sentence s : voiced(text).sentences()) {
      for (int i = 0; i < s.tokens().size(); i++) {
        if (s.tokens().get(i).isWord() && s.voices()[i] == voice) {
          w.add(s.tokens().get(i).norm());
        }
      }
    }
    return String.join(" ", w);
  }

  @Test
  void aTailAttributionReportsWhatComesBeforeTheSpeaker() {
    String t = "The assault would sabotage the talks, Turkey's presidential spokesman Ibrahim "
        + "Kalin said after a cabinet meeting.";
    assertThat(rows(t)).containsExactly("reported | Turkey's presidential spokesman Ibrahim "
        + "Kalin | Ibrahim Kalin | said | The assault would sabotage the talks");
    assertThat(words(t, Voice.REPORTED)).isEqualTo("the assault would sabotage the talks");
    assertThat(words(t, Voice.OUTLET)).isEqualTo(
        "turkey presidential spokesman ibrahim kalin said after a cabinet meeting");
  }

  @Test
  void aHeadAttributionWithAQuotedWordIsMixedAndTheQuotedWordStaysQuoted() {
    String t = "Kalin said Turkey expects all parties to make \"constructive\" contributions.";
    assertThat(rows(t)).containsExactly("mixed | Kalin | Kalin | said | Turkey expects all "
        + "parties to make \"constructive\" contributions");
    assertThat(words(t, Voice.QUOTED)).isEqualTo("constructive");
    assertThat(words(t, Voice.OUTLET)).isEqualTo("kalin said");
  }

  @Test
  void thatAndTheListenerAreNotContent() {
    assertThat(rows("Earlier on Tuesday, the Turkish Foreign Ministry said that the envoys met "
        + "in Geneva.")).containsExactly("reported | the Turkish Foreign Ministry | Turkish "
        + "Foreign Ministry | said | the envoys met in Geneva");
    assertThat(rows("Abdulrahman told VOA the fighting has displaced 800,000 people."))
        .containsExactly("reported | Abdulrahman | Abdulrahman | told | the fighting has "
            + "displaced 800,000 people");
  }

  @Test
  void aQuotationKeepsItsSpeakerIntoTheNextParagraphAndSurnamesAndPronounsResolve() {
    String t = "UN Secretary-General Antonio Guterres warned against an offensive.\n\n"
        + "\"It is essential to avoid a battle,\" Guterres told reporters at UN headquarters.\n\n"
        + "\"This would unleash a humanitarian nightmare.\"\n\n"
        + "\"We must act now,\" he added.";
    assertThat(rows(t)).containsExactly(
        "reported | UN Secretary-General Antonio Guterres | Antonio Guterres | warned | "
            + "against an offensive",
        "direct | Guterres | Antonio Guterres | told | \"It is essential to avoid a battle,\"",
        "direct | Guterres | Antonio Guterres | told | \"This would unleash a humanitarian "
            + "nightmare.\"",
        "direct | he | Antonio Guterres | added | \"We must act now,\"");
  }

  @Test
  void aBlockQuotationTakesTheSpeakerOfItsIntroduction() {
    String t = "The Turkish FM told reporters in Lebanon:\n\n"
        + "Nobody can keep our forces trapped. We are there in accordance with the deal.\n\n"
        + "The convoy was struck on Monday.";
    List<String> r = rows(t);
    assertThat(r).containsExactly("direct | The Turkish FM | Turkish FM | told | Nobody can "
        + "keep our forces trapped. We are there in accordance with the deal.");
  }

  @Test
  void accordingToAndChainsAndInvertedTails() {
    assertThat(rows("At least 30 civilians have been killed, according to the White Helmets "
        + "civil defence agency.")).containsExactly("reported | the White Helmets civil defence "
        + "agency | White Helmets | according to | At least 30 civilians have been killed");
    assertThat(rows("Violence has displaced 30,000 people, the UN said, warning that an "
        + "assault could follow.")).containsExactly(
            "reported | the UN | UN | said | Violence has displaced 30,000 people",
            "reported | the UN | UN | warning | an assault could follow");
    assertThat(rows("\"Any attack will result in a disaster,\" said Erdogan."))
        .containsExactly("direct | Erdogan | Erdogan | said | \"Any attack will result in a "
            + "disaster,\"");
  }

  @Test
  void aRoleResolvesToTheEarlierSpeakerWrittenWithIt() {
    String t = "Turkey's presidential spokesman Ibrahim Kalin said the talks must go on.\n\n"
        + "A possible attack would cause a crisis, Turkey's presidential spokesman said.";
    assertThat(voiced(t).quotes()).extracting(Attribution.Quote::speakerName)
        .containsExactly("Ibrahim Kalin", "Ibrahim Kalin");
  }

  @Test
  void passivesAdjectivesScareQuotesAndPlainNarrativeAreNotAttributions() {
    assertThat(rows("The regime is widely reported to be planning an offensive.")).isEmpty();
    assertThat(rows("The summit discussed the regime's reported plan to use force.")).isEmpty();
    assertThat(rows("Iran and Syria refer to any armed opponent as a \"terrorist.\"")).isEmpty();
    assertThat(rows("If confirmed, they would be the first strikes in three weeks.")).isEmpty();
    assertThat(rows("Russian jets struck a convoy near the border on Monday.")).isEmpty();
    // A long quotation no cue attributes still gets a row, with no speaker.
    assertThat(rows("The banner read \"we will never leave our homes again\" in red."))
        .containsExactly("direct | null | null | null | \"we will never leave our homes "
            + "again\"");
  }

  @Test
  void theOutletVoiceIsOnlyTheNarrative() {
    assertThat(Voice.OUTLET.isOwn()).isTrue();
    assertThat(Voice.HEADLINE.isOwn()).isTrue();
    assertThat(Voice.REPORTED.isOwn()).isFalse();
    assertThat(Voice.QUOTED.isOwn()).isFalse();
  }
}
