package org.countyhealth.chronic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt lines 22, 124–125. */
class ScreeningTest {

  @ParameterizedTest(name = "{0}/{1} elevated={2}")
  @CsvSource({
    "139, 89, false",
    "140, 60, true",
    "120, 90, true",
    "139, 90, true",
    "140, 90, true",
    "100, 70, false"
  })
  void firstReadingThreshold(int s, int d, boolean elevated) {
    assertThat(Screening.elevated(s, d)).isEqualTo(elevated);
  }

  @ParameterizedTest(name = "age {0}, last {1} → due {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "34, -, false",
        "35, -, true",
        "35, 2025-11-22, true",
        "50, 2025-11-23, false",
        "70, 2026-06-01, false"
      })
  void yearlyMeasurementFrom35(int age, LocalDate last, boolean due) {
    assertThat(Screening.due(age, last, LocalDate.of(2026, 11, 22))).isEqualTo(due);
  }

  /** Readings as "day:sys/dia;…", the last one being the latest. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
    "'1:120/80', NORMAL",
    "'1:142/85', RECHECK",
    "'1:150/95;2:145/92', RECHECK",
    "'1:150/95;2:145/92;3:141/80', SUSPECTED",
    "'1:150/95;1:145/92;1:141/80', RECHECK", // three readings of one day are one day
    "'1:150/95;2:120/80;3:141/80', RECHECK", // only two elevated days
    "'1:150/95;2:145/92;3:130/80', NORMAL"
  })
  void threeElevatedDaysMakeASuspectedCase(String readings, Screening.Outcome outcome) {
    List<Screening.Reading> all = new ArrayList<>();
    for (String r : readings.split(";")) {
      String[] p = r.split("[:/]");
      all.add(
          new Screening.Reading(
              LocalDate.of(2026, 1, Integer.parseInt(p[0])),
              Integer.parseInt(p[1]),
              Integer.parseInt(p[2])));
    }
    Screening.Reading latest = all.remove(all.size() - 1);
    assertThat(Screening.assess(latest, all)).isEqualTo(outcome);
  }
}
