package org.framescope.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedDatesTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "2018-09-12|2018-09-12",
      "2018-09-12T10:15:30|2018-09-12",
      "2018-09-12T10:15:30Z|2018-09-12",
      // the outlet's calendar date, not shifted to UTC
      "2018-09-11T23:30:00-05:00|2018-09-11",
      "2018-09-12 10:15:30|2018-09-12",
      "2018-09-12 10:15:30.123456|2018-09-12",
      "September 12, 2018|2018-09-12",
      "september 12, 2018|2018-09-12",
      "Sep 12, 2018|2018-09-12",
      "September 12th, 2018|2018-09-12",
      "12 September 2018|2018-09-12",
      "Wed, 12 Sep 2018 10:15:30 GMT|2018-09-12",
      "Wed, 12 Sep 2018 10:15:30 +0300|2018-09-12",
      "'  2018-09-12  '|2018-09-12",
      "2018/09/12|2018-09-12",
  })
  void understandsCommonForms(String raw, String expected) {
    assertThat(PublishedDates.parse(raw)).isEqualTo(LocalDate.parse(expected));
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @ValueSource(strings = {"yesterday", "2018-13-45", "12/09/2018", "", "   ", "Sept. the 12th"})
  void givesNullForWhatItCannotRead(String raw) {
    assertThat(PublishedDates.parse(raw)).isNull();
  }
}
