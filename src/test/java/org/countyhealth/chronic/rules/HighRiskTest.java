package org.countyhealth.chronic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.countyhealth.chronic.Disease;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt lines 126–131 (hypertension), 23 and 193–194 (diabetes). */
class HighRiskTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      delimiter = '|',
      value = {
        "age 40 normal       | 40 | 1 | 120 | 80 | 22.0 | 80 | false | false | 0   | -",
        "130 systolic        | 40 | 1 | 130 | 80 | -    | -  | false | false | -   | HIGH_NORMAL_BP",
        "139/89              | 40 | 1 | 139 | 89 | -    | -  | false | false | -   | HIGH_NORMAL_BP",
        "129/85              | 40 | 1 | 129 | 85 | -    | -  | false | false | -   | HIGH_NORMAL_BP",
        "129/84              | 40 | 1 | 129 | 84 | -    | -  | false | false | -   | -",
        "140 is hypertensive | 40 | 1 | 140 | 85 | -    | -  | false | false | -   | -",
        "BMI 24              | 40 | 1 | -   | -  | 24.0 | -  | false | false | -   | OVERWEIGHT",
        "BMI 23.9            | 40 | 1 | -   | -  | 23.9 | -  | false | false | -   | -",
        "man waist 90        | 40 | 1 | -   | -  | -    | 90 | false | false | -   | ABDOMINAL_OBESITY",
        "man waist 89        | 40 | 1 | -   | -  | -    | 89 | false | false | -   | -",
        "woman waist 85      | 40 | 2 | -   | -  | -    | 85 | false | false | -   | ABDOMINAL_OBESITY",
        "family history      | 40 | 1 | -   | -  | -    | -  | true  | false | -   | FAMILY_HISTORY",
        "high salt           | 40 | 1 | -   | -  | -    | -  | false | true  | -   | HIGH_SALT",
        "spirits 100 ml      | 40 | 1 | -   | -  | -    | -  | false | false | 100 | HEAVY_DRINKING",
        "spirits 99 ml       | 40 | 1 | -   | -  | -    | -  | false | false | 99  | -",
        "age 55              | 55 | 1 | -   | -  | -    | -  | false | false | -   | AGE_55",
        "age 54              | 54 | 1 | -   | -  | -    | -  | false | false | -   | -",
      })
  void hypertensionRiskFactors(
      String name,
      int age,
      String sex,
      Integer sys,
      Integer dia,
      BigDecimal bmi,
      Integer waist,
      boolean family,
      boolean salt,
      Integer spirits,
      String expected) {
    Set<HighRisk.Factor> want = EnumSet.noneOf(HighRisk.Factor.class);
    if (expected != null) {
      Arrays.stream(expected.split(";")).map(HighRisk.Factor::valueOf).forEach(want::add);
    }
    var profile = new HighRisk.Profile(age, sex, sys, dia, bmi, waist, family, salt, spirits);
    assertThat(HighRisk.hypertensionFactors(profile)).isEqualTo(want);
  }

  @ParameterizedTest
  @CsvSource({"HYPERTENSION, 2026-01-15, 2026-07-15", "DIABETES, 2026-01-15, 2027-01-15"})
  void reMeasurementInterval(Disease disease, LocalDate measured, LocalDate next) {
    assertThat(HighRisk.nextMeasurement(disease, measured)).isEqualTo(next);
  }
}
