package org.countyhealth.security.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code maxEvents} events per key within any sliding {@code window}; used to rate-limit
 * logins per client address (000_65944b5c5b97f013.txt line 1894: 资源控制; OWASP ASVS 2.2.1). Kept in
 * memory: refused attempts are not counted, so a client is let in again once its oldest accepted
 * attempt leaves the window.
 */
public final class SlidingWindowLimit {

  /** Above this many keys, keys with no recent event are forgotten. */
  private static final int PRUNE_ABOVE = 10_000;

  private final int maxEvents;
  private final Duration window;
  private final Map<String, Deque<Instant>> events = new HashMap<>();

  public SlidingWindowLimit(int maxEvents, Duration window) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("maxEvents must be at least 1");
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive");
    }
    this.maxEvents = maxEvents;
    this.window = window;
  }

  /**
   * Counts the event and answers true, or answers false (and counts nothing) when over the limit.
   */
  public synchronized boolean tryAcquire(String key, Instant now) {
    Deque<Instant> recent = events.computeIfAbsent(key, k -> new ArrayDeque<>());
    forgetOlderThanWindow(recent, now);
    if (recent.size() >= maxEvents) {
      return false;
    }
    recent.addLast(now);
    if (events.size() > PRUNE_ABOVE) {
      events.values().removeIf(deque -> forgetOlderThanWindow(deque, now).isEmpty());
    }
    return true;
  }

  /** How long until the key may try again (zero when it may now). */
  public synchronized Duration retryAfter(String key, Instant now) {
    Deque<Instant> recent = events.get(key);
    if (recent == null) {
      return Duration.ZERO;
    }
    forgetOlderThanWindow(recent, now);
    if (recent.size() < maxEvents) {
      return Duration.ZERO;
    }
    return Duration.between(now, recent.peekFirst().plus(window));
  }

  private Deque<Instant> forgetOlderThanWindow(Deque<Instant> recent, Instant now) {
    Instant start = now.minus(window);
    while (!recent.isEmpty() && !recent.peekFirst().isAfter(start)) {
      recent.pollFirst();
    }
    return recent;
  }
}
