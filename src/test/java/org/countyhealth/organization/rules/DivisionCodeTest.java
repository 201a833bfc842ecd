package org.countyhealth.organization.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DivisionCodeTest {

  @ParameterizedTest(name = "{0} level {1}")
  @CsvSource({
    "110000, 1",
    "440000, 1",
    "441600, 2",
    "441621, 3",
    "441621100, 4",
    "820000, 1",
    "710000, 1",
    "650100, 2",
    "150102, 3"
  })
  void acceptsRealProvinces(String code, int level) {
    assertThat(new DivisionCode(code).level()).isEqualTo(level);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''         | 6 位",
        "44162      | 6 位",
        "4416210    | 6 位",
        "44162110   | 6 位",
        "4416211000 | 6 位",
        "44162A     | 6 位",
        "100000     | 不是有效的省级代码",
        "160000     | 不是有效的省级代码",
        "240000     | 不是有效的省级代码",
        "380000     | 不是有效的省级代码",
        "470000     | 不是有效的省级代码",
        "550000     | 不是有效的省级代码",
        "660000     | 不是有效的省级代码",
        "720000     | 不是有效的省级代码",
        "830000     | 不是有效的省级代码",
        "990000100  | 不是有效的省级代码"
      })
  void refusesMalformedOrUnknownProvince(String code, String message) {
    assertThatThrownBy(() -> new DivisionCode(code))
        .isInstanceOf(BusinessException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("DIVISION_INVALID");
  }
}
