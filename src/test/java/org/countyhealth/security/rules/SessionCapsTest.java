package org.countyhealth.security.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.countyhealth.security.rules.SessionCaps.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt line 1894: caps per account and in total. */
class SessionCapsTest {

  @ParameterizedTest(name = "{0} open for the account, {1} in total: {2}")
  @CsvSource({
    "0, 0, ALLOWED",
    "1, 499, ALLOWED",
    "2, 10, ACCOUNT_FULL",
    "0, 500, TOTAL_FULL",
    "2, 500, ACCOUNT_FULL",
  })
  void capsSessions(int forAccount, int total, Verdict verdict) {
    assertThat(new SessionCaps(2, 500).admit(forAccount, total)).isEqualTo(verdict);
  }
}
