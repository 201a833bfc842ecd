package org.countyhealth.security.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Login policy settings, {@code countyhealth.security.*}; the defaults are GB/T 22239 level 3. */
@ConfigurationProperties("countyhealth.security")
public record SecuritySettings(
    @DefaultValue Lockout lockout,
    @DefaultValue LoginRate loginRate,
    @DefaultValue Sessions sessions,
    @DefaultValue Inactivity inactivity) {

  /** Failures before the lock, and how long it lasts. */
  public record Lockout(
      @DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {}

  /** Login attempts per client address within the window. */
  public record LoginRate(
      @DefaultValue("10") int maxAttempts, @DefaultValue("1m") Duration window) {}

  /** Concurrent sessions per account and in total. */
  public record Sessions(@DefaultValue("2") int perAccount, @DefaultValue("500") int total) {}

  /** How long an account may stay unused before it is disabled. */
  public record Inactivity(@DefaultValue("90d") Duration unused) {}
}
