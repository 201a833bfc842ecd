package org.countyhealth.chronic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt lines 29 (four visits, one per quarter) and 23 (education twice). */
class ScheduleTest {

  static List<LocalDate> dates(String s) {
    return s == null || s.isBlank()
        ? List.of()
        : Arrays.stream(s.split(";")).map(LocalDate::parse).toList();
  }

  @ParameterizedTest(name = "{0} enrolled {1} → {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "'2026-01-10;2026-04-10;2026-07-10;2026-10-10', 2025-03-01, true",
        "'2026-01-10;2026-02-10;2026-07-10;2026-10-10', 2025-03-01, false", // Q2 missing
        "'2026-01-10;2026-04-10;2026-07-10', 2025-03-01, false",
        "'2025-01-10;2026-04-10;2026-07-10;2026-10-10', 2025-01-01, false", // Q1 visit last year
        "'2026-08-10;2026-11-10', 2026-07-15, true", // enrolled in Q3: Q3 and Q4 owed
        "'2026-11-10', 2026-07-15, false",
        "-, 2027-01-01, false"
      })
  void standardManagement(String visits, LocalDate enrolled, boolean standard) {
    assertThat(Schedule.standard(dates(visits), 2026, enrolled)).isEqualTo(standard);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "-, 2",
        "'2026-03-01', 1",
        "'2025-03-01;2026-03-01', 1",
        "'2026-03-01;2026-09-01', 0"
      })
  void educationTwiceAYear(String sessions, int owed) {
    assertThat(Schedule.educationOwed(dates(sessions), 2026)).isEqualTo(owed);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "-",
      value = {
        "2025-11-23, 2020-01-01, false",
        "2025-11-21, 2020-01-01, true",
        "-, 2026-01-01, false",
        "-, 2025-11-01, true"
      })
  void lostAfterTwelveMonths(LocalDate last, LocalDate enrolled, boolean lost) {
    assertThat(Schedule.lost(last, enrolled, LocalDate.of(2026, 11, 22))).isEqualTo(lost);
  }

  @ParameterizedTest
  @CsvSource({"2026-01-01, 1", "2026-03-31, 1", "2026-04-01, 2", "2026-12-31, 4"})
  void quarters(LocalDate d, int q) {
    assertThat(Schedule.quarter(d)).isEqualTo(q);
  }
}
