package org.framescope.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PageFurnitureTest {
  private final PageFurniture furniture = PageFurniture.defaults();

  private static final String BODY = "Regime forces shelled the town of Khan Sheikhoun on Monday, "
      + "killing at least nine civilians, a monitoring group said.";
  private static final String BODY2 = "The United Nations warned of a humanitarian catastrophe if "
      + "the offensive on the province went ahead as planned.";

  @Test
  void keepsPlainNewsTextAndFoldsBlankLines() {
    var cleaned = furniture.clean("  " + BODY + "  \n\n\n\n" + BODY2 + "\n", null);
    assertThat(cleaned.text()).isEqualTo(BODY + "\n\n" + BODY2);
    assertThat(cleaned.removed()).isEmpty();
  }

  @Test
  void dateMarkerIsLiftedAndRemoved() {
    var cleaned = furniture.clean(" date 2018-09-12 " + BODY + "\n\n" + BODY2, null);
    assertThat(cleaned.liftedDate()).isEqualTo(LocalDate.of(2018, 9, 12));
    assertThat(cleaned.text()).startsWith("Regime forces").doesNotContain("2018-09-12");
    assertThat(cleaned.removed()).extracting(PageFurniture.Removed::rule)
        .containsExactly(PageFurniture.DATE_MARKER);
  }

  @Test
  void aDateInsideTheTextIsNotAMarker() {
    var cleaned = furniture.clean("On date 2018-09-12 the talks began.", null);
    assertThat(cleaned.liftedDate()).isNull();
    assertThat(cleaned.text()).isEqualTo("On date 2018-09-12 the talks began.");
  }

  @Test
  void donationWidgetAmountsAndAppeal() {
    var cleaned = furniture.clean("0 $ \n2,500 $ \n$ 50\n\n" + BODY
        + "\n\nDo you like this content? Consider helping us!", null);
    assertThat(cleaned.text()).isEqualTo(BODY);
    assertThat(cleaned.removed()).extracting(PageFurniture.Removed::rule).containsExactly(
        "donation_amount", "donation_amount", "donation_amount", "donation_appeal");
  }

  @Test
  void aSentenceMentioningDollarsIsNews() {
    String line = "The UN appealed for 5,000 $ in aid for each family.";
    assertThat(furniture.clean(line, null).text()).isEqualTo(line);
  }

  @Test
  void commentPromptsRelatedLinksCreditFootersShares() {
    String text = BODY + "\n\nRead more: Turkey sends troops to Idlib\n\n" + BODY2
        + "\n\nSource: TRTWorld and agencies\nWith reporting by AFP, AP, Reuters, and the BBC\n"
        + "Share this on Facebook\n\nPlease let us know if you're having issues with commenting.";
    var cleaned = furniture.clean(text, null);
    assertThat(cleaned.text()).isEqualTo(BODY + "\n\n" + BODY2);
    assertThat(cleaned.removed()).extracting(PageFurniture.Removed::rule).containsExactly(
        "related_link", "credit_footer", "credit_footer", "share_prompt", "comment_prompt");
  }

  @Test
  void wordingRulesSpareLongSentences() {
    String sentence = "He declined to comment, and the source said that with reporting by "
        + "local journalists restricted, the scale of the displacement could not be verified.";
    String text = BODY + "\n\n" + sentence;
    assertThat(furniture.clean(text, null).text()).isEqualTo(text);
  }

  @Test
  void headlinePrintedTwiceAtTheTopGoesEvenWithCurlyQuotes() {
    String title = "Turkey Seems Adamant In Its Attempts To Rescue Terrorists In Syria's Idlib";
    String text = title.replace("'", "\u2019") + "\n\n\n" + title + "\n\n" + BODY + "\n\n" + BODY2;
    var cleaned = furniture.clean(text, title);
    assertThat(cleaned.text()).isEqualTo(BODY + "\n\n" + BODY2);
    assertThat(cleaned.removed()).extracting(PageFurniture.Removed::rule)
        .containsExactly(PageFurniture.HEADLINE, PageFurniture.HEADLINE);
  }

  @Test
  void repeatedCaptionGoesEveryCopyEvenWithACreditAppended() {
    String caption = "Newly displaced Syrians arrive at a refugee camp in Atimah village.";
    String text = BODY + "\n\n" + caption + "\n" + caption + " (Reuters)\n\n" + BODY2;
    var cleaned = furniture.clean(text, null);
    assertThat(cleaned.text()).isEqualTo(BODY + "\n\n" + BODY2);
    assertThat(cleaned.removed()).extracting(PageFurniture.Removed::line)
        .containsExactly(caption, caption + " (Reuters)");
  }

  @Test
  void shortLineAfterTheHeadlineIsACaptionButNotWithoutAHeadline() {
    String title = "UN Urges Putin, Erdogan To Help Avert 'Bloodbath' In Syria's Idlib";
    String caption = "Syrian rebel fighters pile up sandbags as they prepare for an assault.";
    String text = title + "\n\n" + caption + "\n\n" + BODY;
    var cleaned = furniture.clean(text, title);
    assertThat(cleaned.text()).isEqualTo(BODY);
    assertThat(cleaned.removed()).extracting(PageFurniture.Removed::rule)
        .containsExactly(PageFurniture.HEADLINE, PageFurniture.LEAD_LINE);

    // Without the headline at the top, the same short line is the article's first paragraph.
    assertThat(furniture.clean(caption + "\n\n" + BODY, title).text())
        .isEqualTo(caption + "\n\n" + BODY);
  }

  @Test
  void aLongFirstParagraphAfterTheHeadlineStays() {
    String title = "Turkey to Russia: Syrian Offensive Triggering Crisis";
    var cleaned = furniture.clean(title + "\n\n" + BODY + "\n\n" + BODY2, title);
    assertThat(cleaned.text()).isEqualTo(BODY + "\n\n" + BODY2);
  }

  @Test
  void normalisedLinesIgnoreCaseQuotesSpacingAndTrailingCredit() {
    assertThat(PageFurniture.normalise("  Assad\u2019s  forces (AP Photo)"))
        .isEqualTo(PageFurniture.normalise("assad's forces"));
    assertThat(PageFurniture.normalise("Assad forces")).isNotEqualTo(
        PageFurniture.normalise("Assad's forces"));
  }
}
