package org.countyhealth;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.countyhealth.security.rules.SlidingWindowLimit;

/**
 * Tests that sign in over real HTTP (FHIR clients, browsers, the office race) all come from the
 * loopback address, and the one shared context keeps one login rate limit (10 a minute per
 * address): together they would be refused. Before such a sign-in a test forgets the loopback's
 * earlier attempts, without counting one; the limit itself is tested by LoginRateLimitIT.
 */
public final class LoopbackLogins {

  private static final List<String> LOOPBACK = List.of("127.0.0.1", "0:0:0:0:0:0:0:1");
  private static volatile LoopbackLogins current;

  private final SlidingWindowLimit loginRate;
  private final Clock clock;

  LoopbackLogins(SlidingWindowLimit loginRate, Clock clock) {
    this.loginRate = loginRate;
    this.clock = clock;
    current = this;
  }

  /** Forgets the loopback address's login attempts in the running test context. */
  public static void free() {
    LoopbackLogins logins = current;
    if (logins != null) {
      LOOPBACK.forEach(
          address ->
              logins.loginRate.retryAfter(
                  address, logins.clock.instant().plus(Duration.ofDays(1))));
    }
  }
}
