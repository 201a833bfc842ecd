package org.countyhealth.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AuditPropertiesTest {

  // 000_65944b5c5b97f013.txt line 1899: audit records kept at least 180 days.
  @ParameterizedTest(name = "retention {0} days accepted: {1}")
  @CsvSource({"0, false", "30, false", "179, false", "180, true", "181, true", "3650, true"})
  void retentionBelow180DaysIsRefused(int days, boolean accepted) {
    if (accepted) {
      assertThat(
              new AuditProperties(days, false, false, 5000, ZoneId.of("Asia/Shanghai"))
                  .retentionDays())
          .isEqualTo(days);
    } else {
      assertThatThrownBy(
              () -> new AuditProperties(days, false, false, 5000, ZoneId.of("Asia/Shanghai")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("at least 180 days");
    }
  }
}
