package org.countyhealth.chronic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.countyhealth.chronic.Adverse;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.rules.Classification.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt lines 140–143 (hypertension), 204–207 (diabetes), 29. */
class ClassificationTest {

  @ParameterizedTest(name = "{0} age {1} {2}/{3} glu {4} → {5}")
  @CsvSource(
      nullValues = "-",
      value = {
        "HYPERTENSION, 64, 139, 89, -, true",
        "HYPERTENSION, 64, 140, 80, -, false",
        "HYPERTENSION, 64, 130, 90, -, false",
        "HYPERTENSION, 65, 149, 89, -, true",
        "HYPERTENSION, 65, 150, 80, -, false",
        "HYPERTENSION, 80, 145, 90, -, false",
        "DIABETES, 50, 150, 95, 6.9, true",
        "DIABETES, 50, 120, 70, 7.0, false",
        "DIABETES, 50, 120, 70, -, -",
      })
  void targets(Disease disease, int age, int s, int d, BigDecimal glucose, Boolean controlled) {
    assertThat(Classification.controlled(disease, age, new Vitals(s, d, glucose, null, null)))
        .isEqualTo(controlled);
  }

  @ParameterizedTest(name = "emerg {0} ctrl {1} adverse {2} compl {3} prevUnctrl {4} → {5}")
  @CsvSource({
    "false, true,  NONE,            false, false, CONTROLLED",
    "false, true,  NONE,            false, true,  CONTROLLED",
    "false, false, NONE,            false, false, FIRST_UNCONTROLLED",
    "false, true,  PRESENT,         false, false, FIRST_UNCONTROLLED",
    "false, false, NONE,            false, true,  REFER",
    "false, true,  HARD_TO_CONTROL, false, false, REFER",
    "false, true,  NONE,            true,  false, REFER",
    "false, true,  PRESENT,         false, true,  FIRST_UNCONTROLLED",
    "true,  true,  NONE,            false, false, EMERGENCY",
  })
  void classifiedIntervention(
      boolean emergency,
      boolean controlled,
      Adverse adverse,
      boolean complication,
      boolean previous,
      Result expected) {
    assertThat(Classification.classify(emergency, controlled, adverse, complication, previous))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "CONTROLLED, 2026-01-10, 2026-04-10",
    "CONTROLLED, 2026-03-31, 2026-06-30",
    "FIRST_UNCONTROLLED, 2026-01-10, 2026-01-24",
    "REFER, 2026-01-10, 2026-01-24",
    "EMERGENCY, 2026-12-25, 2027-01-08",
  })
  void nextVisit(Result result, LocalDate visit, LocalDate next) {
    assertThat(Classification.nextVisit(result, visit)).isEqualTo(next);
  }
}
