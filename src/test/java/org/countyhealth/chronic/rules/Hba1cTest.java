package org.countyhealth.chronic.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.countyhealth.chronic.Disease;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 糖化血红蛋白 of the diabetes follow-up: both or neither, 3.0–20.0 %, dated on or before the visit. */
class Hba1cTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @ParameterizedTest(name = "{0} {1}% tested {2}, visit {3} → {4} {5}")
  @CsvSource(
      nullValues = "-",
      value = {
        "DIABETES, -, -, 2026-11-20, -, -",
        "DIABETES, 6.8, 2026-11-10, 2026-11-20, 6.8, -",
        "DIABETES, 3.0, 2026-11-20, 2026-11-20, 3.0, -",
        "DIABETES, 20.0, 2026-05-20, 2026-11-20, 20.0, -",
        "DIABETES, 6.85, 2026-11-10, 2026-11-20, 6.9, -",
        "DIABETES, 2.9, 2026-11-10, 2026-11-20, -, CHRONIC_VALUE_OUT_OF_RANGE",
        "DIABETES, 20.1, 2026-11-10, 2026-11-20, -, CHRONIC_VALUE_OUT_OF_RANGE",
        "DIABETES, 7.0, -, 2026-11-20, -, CHRONIC_HBA1C_DATE_REQUIRED",
        "DIABETES, -, 2026-11-10, 2026-11-20, -, CHRONIC_HBA1C_REQUIRED",
        "DIABETES, 7.0, 2026-11-23, 2026-11-22, -, CHRONIC_DATE_IN_FUTURE",
        "DIABETES, 7.0, 2026-11-21, 2026-11-20, -, CHRONIC_HBA1C_AFTER_VISIT",
        "DIABETES, 7.0, 2026-05-19, 2026-11-20, -, CHRONIC_HBA1C_TOO_OLD",
        "HYPERTENSION, 7.0, 2026-11-10, 2026-11-20, -, CHRONIC_HBA1C_DIABETES_ONLY",
        "HYPERTENSION, -, -, 2026-11-20, -, -",
      })
  void rules(
      Disease disease,
      BigDecimal percent,
      LocalDate tested,
      LocalDate visit,
      BigDecimal stored,
      String code) {
    if (code == null) {
      Hba1c h = Hba1c.of(disease, percent, tested, visit, TODAY);
      if (stored == null) {
        assertThat(h).isNull();
      } else {
        assertThat(h.percent()).isEqualByComparingTo(stored);
        assertThat(h.testedOn()).isEqualTo(tested);
      }
    } else {
      assertThatThrownBy(() -> Hba1c.of(disease, percent, tested, visit, TODAY))
          .isInstanceOfSatisfying(
              BusinessException.class,
              e -> {
                assertThat(e.code()).isEqualTo(code);
                assertThat(e.field()).isIn("hba1c", "hba1cOn");
              });
    }
  }
}
