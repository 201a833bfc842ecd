package org.countyhealth.security.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt line 1891: accounts unused for 90 days are disabled. */
class InactivityPolicyTest {

  static final Instant NOW = Instant.parse("2026-11-22T02:30:00Z");

  @ParameterizedTest(name = "enabled {0} days ago, last login {1} days ago: inactive={2}")
  @CsvSource({
    "200, 91, true",
    "200, 89, false",
    "200, 90, false",
    "91, , true",
    "89, , false",
    "400, 300, true",
    "10, 300, false",
  })
  void disablesAccountsUnusedForNinetyDays(int enabledDaysAgo, Integer loginDaysAgo, boolean off) {
    Instant enabledAt = NOW.minus(Duration.ofDays(enabledDaysAgo));
    Instant lastLogin = loginDaysAgo == null ? null : NOW.minus(Duration.ofDays(loginDaysAgo));
    assertThat(InactivityPolicy.STANDARD.isInactive(enabledAt, lastLogin, NOW)).isEqualTo(off);
  }
}
