package org.countyhealth.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdCardNumberTest {

  @ParameterizedTest
  @CsvSource({
    // number,             birth date, sex
    "11010519491231002X, 1949-12-31, 2",
    "440524188001010014, 1880-01-01, 1",
    "441621195603150017, 1956-03-15, 1",
  })
  void validNumbersGiveBirthDateAndSex(String number, String birth, String sex) {
    IdCardNumber id = IdCardNumber.of(number);
    assertThat(id.birthDate()).isEqualTo(LocalDate.parse(birth));
    assertThat(id.sex()).isEqualTo(sex);
    assertThat(IdCardNumber.isValid(number)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "441621195603150011, 1",
    "441621195603150020, 2",
    "441621200002290034, 1",
  })
  void sexFollowsTheSeventeenthDigit(String first17WithAnyCheck, String sex) {
    String number =
        first17WithAnyCheck.substring(0, 17)
            + IdCardNumber.checkCharacter(first17WithAnyCheck.substring(0, 17));
    assertThat(IdCardNumber.of(number).sex()).isEqualTo(sex);
  }

  @ParameterizedTest
  @CsvSource({
    "11010519491231002x, 11010519491231002X", // lower-case x accepted
    "' 441621195603150017 ', 441621195603150017",
  })
  void normalises(String input, String expected) {
    assertThat(IdCardNumber.of(input).value()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "110105194912310021, ID_CARD_CHECK_DIGIT",
    "441621195603150012, ID_CARD_CHECK_DIGIT",
    "441621201802290029, ID_CARD_BIRTH_DATE", // 2018 is no leap year
    "44162119560315001, ID_CARD_FORMAT",
    "4416211956031500111, ID_CARD_FORMAT",
    "44162119560315001A, ID_CARD_FORMAT",
    "'', ID_CARD_FORMAT",
    "441621195613150015, ID_CARD_BIRTH_DATE",
    "441621195602300013, ID_CARD_BIRTH_DATE",
    "441621187901010010, ID_CARD_BIRTH_DATE",
  })
  void refusesWithAStableCode(String number, String code) {
    assertThatThrownBy(() -> IdCardNumber.of(number))
        .isInstanceOf(BusinessException.class)
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo(code);
    assertThat(IdCardNumber.isValid(number)).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"11010519491231002, X", "44162119560315001, 7", "44052418800101001, 4"})
  void checkCharacterIsIso7064Mod112(String first17, char check) {
    assertThat(IdCardNumber.checkCharacter(first17)).isEqualTo(check);
  }

  @ParameterizedTest
  @CsvSource({"11010519491231002X, 110105********002X"})
  void masksForDisplayAndLogs(String number, String masked) {
    assertThat(IdCardNumber.of(number).masked()).isEqualTo(masked);
    assertThat(IdCardNumber.of(number).toString()).isEqualTo(masked);
  }
}
