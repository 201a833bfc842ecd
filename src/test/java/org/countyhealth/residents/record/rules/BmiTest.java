package org.countyhealth.residents.record.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BmiTest {

  @ParameterizedTest(name = "{0} cm, {1} kg → {2} {3}")
  @CsvSource({
    "170, 53.0, 18.3, UNDERWEIGHT",
    "170, 53.5, 18.5, NORMAL",
    "160, 61.2, 23.9, NORMAL",
    "160, 61.4, 24.0, OVERWEIGHT",
    "175, 85.6, 28.0, OBESE",
    "175, 85.5, 27.9, OVERWEIGHT",
    "150, 90.0, 40.0, OBESE",
    "180, 72.0, 22.2, NORMAL"
  })
  void computesAndClassifiesPerWsT428(
      String height, String weight, String expected, Bmi.Category category) {
    Bmi bmi = Bmi.of(new BigDecimal(height), new BigDecimal(weight));
    assertThat(bmi.value()).isEqualByComparingTo(expected);
    assertThat(bmi.category()).isEqualTo(category);
  }

  @ParameterizedTest
  @CsvSource({
    "18.4, UNDERWEIGHT",
    "18.5, NORMAL",
    "23.9, NORMAL",
    "24.0, OVERWEIGHT",
    "27.9, OVERWEIGHT",
    "28.0, OBESE"
  })
  void boundariesOfTheChineseAdultStandard(String value, Bmi.Category category) {
    assertThat(new Bmi(new BigDecimal(value)).category()).isEqualTo(category);
  }

  @Test
  void refusesMissingOrZeroInput() {
    assertThatThrownBy(() -> Bmi.of(BigDecimal.ZERO, BigDecimal.TEN))
        .isInstanceOf(BusinessException.class);
    assertThatThrownBy(() -> Bmi.of(new BigDecimal("170"), null))
        .isInstanceOf(BusinessException.class);
  }
}
