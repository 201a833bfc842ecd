package org.countyhealth.security.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt line 1894: at most 10 login attempts per address per minute. */
class SlidingWindowLimitTest {

  static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  @ParameterizedTest(name = "attempt {0} at +{1}s is allowed: {2}")
  @CsvSource({"1, 0, true", "10, 0, true", "11, 0, false", "11, 59, false", "11, 60, true"})
  void tenPerMinute(int attempt, int seconds, boolean allowed) {
    SlidingWindowLimit limit = new SlidingWindowLimit(10, Duration.ofMinutes(1));
    for (int i = 1; i < attempt; i++) {
      assertThat(limit.tryAcquire("10.0.0.1", T0)).isTrue();
    }
    assertThat(limit.tryAcquire("10.0.0.1", T0.plusSeconds(seconds))).isEqualTo(allowed);
  }

  @Test
  void addressesAreCountedApartAndRetryAfterIsTold() {
    SlidingWindowLimit limit = new SlidingWindowLimit(2, Duration.ofMinutes(1));
    limit.tryAcquire("a", T0);
    limit.tryAcquire("a", T0.plusSeconds(20));
    assertThat(limit.tryAcquire("a", T0.plusSeconds(30))).isFalse();
    assertThat(limit.retryAfter("a", T0.plusSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    assertThat(limit.tryAcquire("b", T0.plusSeconds(30))).isTrue();
  }
}
