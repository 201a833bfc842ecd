package org.countyhealth.security.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Lock after repeated failures (000_65944b5c5b97f013.txt line 1890: 防止冒用机制; GB/T 22239 level 3): by
 * default 5 consecutive failures lock the account for 15 minutes. The counter restarts when the
 * lock is set, so after the lock a user again has the full number of tries. Attempts while locked
 * do not count.
 */
public record LockoutPolicy(int maxFailures, Duration lockDuration) {

  public LockoutPolicy {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    if (lockDuration == null || lockDuration.isNegative() || lockDuration.isZero()) {
      throw new IllegalArgumentException("lockDuration must be positive");
    }
  }

  /** Failed attempts so far and the end of the current lock (null when none was set). */
  public record State(int failedAttempts, Instant lockedUntil) {
    public static final State CLEAR = new State(0, null);
  }

  public boolean isLocked(State state, Instant now) {
    return state.lockedUntil() != null && now.isBefore(state.lockedUntil());
  }

  /** The state after a wrong password at {@code now}. */
  public State afterFailure(State state, Instant now) {
    if (isLocked(state, now)) {
      return state;
    }
    int failures = state.failedAttempts() + 1;
    return failures >= maxFailures
        ? new State(0, now.plus(lockDuration))
        : new State(failures, state.lockedUntil());
  }

  /** A successful login forgets earlier failures. */
  public State afterSuccess() {
    return State.CLEAR;
  }

  /**
   * The lock that a sequence of failures (oldest first) would have produced, for user names that do
   * not exist: they get the same answer as real accounts, so the answer reveals nothing.
   */
  public Optional<Instant> lockedUntil(List<Instant> failuresOldestFirst, Instant now) {
    State state = State.CLEAR;
    for (Instant failure : failuresOldestFirst) {
      state = afterFailure(state, failure);
    }
    return isLocked(state, now) ? Optional.of(state.lockedUntil()) : Optional.empty();
  }
}
