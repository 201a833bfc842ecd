package org.countyhealth.residents.contract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.countyhealth.residents.KeyPopulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeGroupsTest {

  @ParameterizedTest(name = "born {0}, on {1} → {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "2026-11-22, 2026-11-22, CHILD_0_6",
        "2019-11-23, 2026-11-22, CHILD_0_6", // 6 years 364 days
        "2019-11-22, 2026-11-22, -", // 7th birthday today
        "2000-01-01, 2026-11-22, -",
        "1961-11-23, 2026-11-22, -", // 65 tomorrow
        "1961-11-22, 2026-11-22, ELDERLY_65", // 65 today
        "1930-05-05, 2026-11-22, ELDERLY_65",
        "1964-02-29, 2029-02-28, -", // leap-day birth: 65 on 1 March in a common year
        "1964-02-29, 2029-03-01, ELDERLY_65",
        "2027-01-01, 2026-11-22, -" // not yet born
      })
  void ageBasedKeyPopulations(LocalDate birth, LocalDate on, String expected) {
    Set<KeyPopulation> want =
        expected == null
            ? EnumSet.noneOf(KeyPopulation.class)
            : Arrays.stream(expected.split(";"))
                .map(KeyPopulation::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(KeyPopulation.class)));
    assertThat(AgeGroups.of(birth, on)).isEqualTo(want);
  }

  @ParameterizedTest
  @CsvSource({
    "1961-11-22, 2026-11-22, 65",
    "1961-11-23, 2026-11-22, 64",
    "2020-02-29, 2026-11-22, 6"
  })
  void ageInCompletedYears(LocalDate birth, LocalDate on, int age) {
    assertThat(AgeGroups.age(birth, on)).isEqualTo(age);
    assertThat(AgeGroups.of(birth, on).contains(KeyPopulation.ELDERLY_65)).isEqualTo(age >= 65);
    assertThat(AgeGroups.of(birth, on).contains(KeyPopulation.CHILD_0_6)).isEqualTo(age <= 6);
  }
}
