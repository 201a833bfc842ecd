package org.countyhealth.residents.contract.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractPeriodTest {

  @ParameterizedTest(name = "{0} .. {1} → ends {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "2026-01-01, -, 2026-12-31",
        "2024-02-29, -, 2025-02-28",
        "2026-03-15, 2026-06-30, 2026-06-30",
        "2026-01-01, 2028-12-31, 2028-12-31"
      })
  void oneYearByDefault(LocalDate start, LocalDate end, LocalDate expectedEnd) {
    assertThat(new ContractPeriod(start, end).end()).isEqualTo(expectedEnd);
  }

  @ParameterizedTest(name = "{0} .. {1} refused {2}")
  @CsvSource({
    "2026-01-01, 2025-12-31, CONTRACT_PERIOD_INVALID",
    "2026-01-01, 2029-01-01, CONTRACT_PERIOD_TOO_LONG"
  })
  void refusesImpossiblePeriods(LocalDate start, LocalDate end, String code) {
    assertThatThrownBy(() -> new ContractPeriod(start, end))
        .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @ParameterizedTest(name = "ends {0}, renewed {1} → {2} .. {3}")
  @CsvSource({
    "2026-12-31, 2026-11-22, 2027-01-01, 2027-12-31", // in the window: continues seamlessly
    "2026-12-31, 2026-10-02, 2027-01-01, 2027-12-31", // exactly 90 days before
    "2026-12-31, 2026-12-31, 2027-01-01, 2027-12-31", // on the last day
    "2026-06-30, 2026-11-22, 2026-11-22, 2027-11-21" // lapsed: starts on renewal
  })
  void renewalFollowsThePreviousContract(
      LocalDate previousEnd, LocalDate today, LocalDate start, LocalDate end) {
    ContractPeriod next = ContractPeriod.renewal(previousEnd, today);
    assertThat(next.start()).isEqualTo(start);
    assertThat(next.end()).isEqualTo(end);
  }

  @ParameterizedTest
  @CsvSource({"2026-12-31, 2026-10-01"})
  void renewalTooEarlyIsRefused(LocalDate previousEnd, LocalDate today) {
    assertThatThrownBy(() -> ContractPeriod.renewal(previousEnd, today))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> assertThat(e.code()).isEqualTo("CONTRACT_RENEWAL_TOO_EARLY"));
  }

  @ParameterizedTest(name = "terminated {0} → served until {1}")
  @CsvSource(
      nullValues = "-",
      value = {
        "-, 2026-12-31",
        "2026-06-15, 2026-06-14",
        "2026-01-01, 2025-12-31", // terminated on the first day: never served
        "2025-11-01, 2025-12-31", // a renewal cancelled before it began
        "2027-03-01, 2026-12-31"
      })
  void terminationEndsServiceTheDayBefore(LocalDate terminatedOn, LocalDate lastDay) {
    ContractPeriod period = new ContractPeriod(LocalDate.of(2026, 1, 1), null);
    assertThat(period.effectiveEnd(terminatedOn)).isEqualTo(lastDay);
  }
}
