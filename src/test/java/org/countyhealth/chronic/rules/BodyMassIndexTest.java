package org.countyhealth.chronic.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt lines 128 (BMI ≥ 24 overweight, ≥ 28 obese) and 136. */
class BodyMassIndexTest {

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {"70, 170, 24.2", "60, 175, 19.6", "80.5, 160, 31.4", "-, 170, -", "70, -, -"})
  void computed(BigDecimal kg, BigDecimal cm, BigDecimal bmi) {
    BigDecimal got = BodyMassIndex.of(kg, cm);
    if (bmi == null) {
      assertThat(got).isNull();
    } else {
      assertThat(got).isEqualByComparingTo(bmi);
    }
  }

  @ParameterizedTest
  @CsvSource({"19, 170", "301, 170", "70, 99", "70, 231"})
  void outOfRange(BigDecimal kg, BigDecimal cm) {
    assertThatThrownBy(() -> BodyMassIndex.of(kg, cm)).isInstanceOf(BusinessException.class);
  }
}
