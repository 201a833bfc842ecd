package org.countyhealth.residents.record.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RecordNumberTest {

  @ParameterizedTest
  @CsvSource({
    "441621100201, 1, 44162110020100001",
    "441621100, 42, 44162110000000042",
    "441621, 99999, 44162100000099999"
  })
  void divisionThenSerial(String division, int serial, String expected) {
    assertThat(RecordNumber.of(division, serial)).isEqualTo(expected).hasSize(17);
  }

  @ParameterizedTest
  @CsvSource({"441621, 0", "441621, 100000", "44A621, 1"})
  void refusesWhatCannotBeANumber(String division, int serial) {
    assertThatThrownBy(() -> RecordNumber.of(division, serial))
        .isInstanceOf(BusinessException.class);
  }
}
