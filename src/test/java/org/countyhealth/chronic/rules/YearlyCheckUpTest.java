package org.countyhealth.chronic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt lines 144–145: one fairly complete health check a year. */
class YearlyCheckUpTest {

  @ParameterizedTest(name = "latest {0}, today {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        "-,          2026-11-22, true,  2026-11-22",
        "2026-01-10, 2026-11-22, false, 2027-01-10",
        "2025-11-22, 2026-11-22, false, 2026-11-22",
        "2025-11-21, 2026-11-22, true,  2026-11-22",
        "2024-02-29, 2025-02-28, false, 2025-02-28",
      })
  void owedAfterTwelveMonths(LocalDate latest, LocalDate today, boolean owed, LocalDate dueBy) {
    assertThat(YearlyCheckUp.owed(latest, today)).isEqualTo(owed);
    assertThat(YearlyCheckUp.dueBy(latest, today)).isEqualTo(dueBy);
  }
}
