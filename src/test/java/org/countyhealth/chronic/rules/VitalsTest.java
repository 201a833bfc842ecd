package org.countyhealth.chronic.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input of issue 4: systolic ≤ diastolic, values outside physiological ranges. */
class VitalsTest {

  @ParameterizedTest(name = "{0}/{1} glu {2} → {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "120, 80, 6.0, -",
        "60, 30, 1.0, -",
        "300, 200, 50, -",
        "59, 40, -, CHRONIC_VALUE_OUT_OF_RANGE",
        "301, 90, -, CHRONIC_VALUE_OUT_OF_RANGE",
        "80, 80, -, CHRONIC_BP_INVERTED",
        "80, 90, -, CHRONIC_BP_INVERTED",
        "120, -, -, CHRONIC_BP_INCOMPLETE",
        "-, -, 50.1, CHRONIC_VALUE_OUT_OF_RANGE",
        "-, -, 0.9, CHRONIC_VALUE_OUT_OF_RANGE",
        "-, -, 7.5, -"
      })
  void ranges(Integer s, Integer d, BigDecimal glucose, String code) {
    if (code == null) {
      assertThatCode(() -> new Vitals(s, d, glucose, null, null)).doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> new Vitals(s, d, glucose, null, null))
          .isInstanceOfSatisfying(
              BusinessException.class,
              e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code));
    }
  }
}
