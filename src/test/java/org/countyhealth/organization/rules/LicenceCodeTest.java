package org.countyhealth.organization.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.countyhealth.organization.LicenceCodes;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LicenceCodeTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "12345678, 8",
    "D2143569, X", // GB 11714's worked example: C9 = 10 is written X
    "00000000, 0", // Σ mod 11 = 0 gives 11, written 0
    "45601234, 1",
    "44162100, 5",
    "a0000001, 1"
  })
  void computesTheCheckCharacter(String body, char expected) {
    assertThat(OrganisationCode.checkChar(body)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is valid")
  @CsvSource({
    "12345678844162111A1001",
    "D2143569X44162111B1002",
    "00000000044160012J1009",
    "d2143569x44162111b1001" // lower case is normalised
  })
  void acceptsWellFormedCodes(String code) {
    LicenceCode licence = new LicenceCode(code);
    assertThat(licence.value()).hasSize(22).isUpperCase();
    assertThat(licence.divisionCode()).startsWith("4416");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                         | 请填写",
        "12345678844162111A100      | 应为 22 位",
        "12345678844162111A10011    | 应为 22 位",
        "12345678744162111A1001     | 校验码错误（第 9 位应为 8）",
        "1234567-844162111A1001     | 只能是数字或大写字母",
        "12345678899162111A1001     | 第 10–15 位",
        "1234567884416X111A1001     | 第 10–15 位",
        "123456788441621X1A1001     | 经济类型代码",
        "1234567884416211111001     | 机构类别代码",
        "12345678844162111AA001     | 机构类别代码",
        "12345678844162111A1003     | 管理类别",
        "12345678844162111A1000     | 管理类别"
      })
  void refusesMalformedCodesWithAChineseMessage(String code, String message) {
    assertThatThrownBy(() -> new LicenceCode(code))
        .isInstanceOf(BusinessException.class)
        .hasMessageContaining(message)
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("FACILITY_LICENCE_INVALID");
  }

  @ParameterizedTest(name = "{0}+{1}+{2}+{3}+{4}")
  @CsvSource({
    "12345678, 441621, 11, A100, 1, 12345678844162111A1001",
    "D2143569, 441621, 11, B100, 1, D2143569X44162111B1001",
    "00000000, 441600, 12, J100, 9, 00000000044160012J1009"
  })
  void composesValidCodes(
      String body, String div, String econ, String cat, String mgmt, String expected) {
    assertThat(LicenceCodes.compose(body, div, econ, cat, mgmt)).isEqualTo(expected);
    assertThat(LicenceCodes.isValid(expected)).isTrue();
  }
}
