package org.countyhealth.security.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.countyhealth.security.rules.LockoutPolicy.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt line 1890: lock after 5 failures for 15 minutes (configurable). */
class LockoutPolicyTest {

  static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");
  final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(15));

  @ParameterizedTest(name = "{0} failures, checked {1} min after the last: locked={2}")
  @CsvSource({
    "1, 0, false",
    "4, 0, false",
    "5, 0, true",
    "5, 14, true",
    "5, 15, false",
    "5, 16, false",
    "6, 0, true",
  })
  void locksAfterFiveFailuresForFifteenMinutes(int failures, int minutesLater, boolean locked) {
    State state = State.CLEAR;
    Instant last = T0;
    for (int i = 0; i < failures; i++) {
      last = T0.plusSeconds(i * 10L);
      state = policy.afterFailure(state, last);
    }
    assertThat(policy.isLocked(state, last.plus(Duration.ofMinutes(minutesLater))))
        .isEqualTo(locked);
  }

  @Test
  void lockEndsFifteenMinutesAfterTheFifthFailureAndAttemptsWhileLockedDoNotExtendIt() {
    State state = State.CLEAR;
    for (int i = 0; i < 5; i++) {
      state = policy.afterFailure(state, T0.plusSeconds(i));
    }
    Instant until = T0.plusSeconds(4).plus(Duration.ofMinutes(15));
    assertThat(state.lockedUntil()).isEqualTo(until);
    assertThat(policy.afterFailure(state, T0.plusSeconds(60)).lockedUntil()).isEqualTo(until);
  }

  @Test
  void afterTheLockTheUserHasFiveFreshTries() {
    State state = new State(0, T0);
    Instant later = T0.plusSeconds(1);
    for (int i = 0; i < 4; i++) {
      state = policy.afterFailure(state, later);
    }
    assertThat(policy.isLocked(state, later)).isFalse();
    assertThat(policy.isLocked(policy.afterFailure(state, later), later)).isTrue();
  }

  @Test
  void successForgetsFailures() {
    State state = policy.afterFailure(policy.afterFailure(State.CLEAR, T0), T0);
    assertThat(state.failedAttempts()).isEqualTo(2);
    assertThat(policy.afterSuccess()).isEqualTo(State.CLEAR);
  }

  @ParameterizedTest(name = "{0} failures of an unknown name, {1} min later: locked={2}")
  @CsvSource({"4, 0, false", "5, 0, true", "5, 15, false", "10, 0, true"})
  void unknownNamesGetTheSameAnswer(int failures, int minutesLater, boolean locked) {
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < failures; i++) {
      times.add(T0.plusSeconds(i));
    }
    Instant now = T0.plusSeconds(failures).plus(Duration.ofMinutes(minutesLater));
    assertThat(policy.lockedUntil(times, now).isPresent()).isEqualTo(locked);
  }
}
