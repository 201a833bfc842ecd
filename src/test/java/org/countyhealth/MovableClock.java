package org.countyhealth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The application's clock in every integration test: the real time plus an offset that a test may
 * move forward (lockout, rate limit). It keeps ticking, so tests that never move it see the real
 * time; a test that moves it must {@link #reset} it afterwards ({@code @AfterEach}).
 */
public final class MovableClock extends Clock {

  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  public void advance(Duration duration) {
    offset.updateAndGet(o -> o.plus(duration));
  }

  /** Back to the real time. */
  public void reset() {
    offset.set(Duration.ZERO);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }
}
