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
    @DefaultValue Inactivity inactivity,
    @DefaultValue Clients clients) {

  /** Failures before the lock, and how long it lasts. */
  public record Lockout(
      @DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration duration) {}

  /** Login attempts per client address within the window. */
  public record LoginRate(
      @DefaultValue("10") int maxAttempts, @DefaultValue("1m") Duration window) {}

  /** Concurrent sessions per account and in total. */
  public record Sessions(@DefaultValue("2") int perAccount, @DefaultValue("500") int total) {}

  /**
   * System clients. {@code tokenUrl}: the token endpoint's public URL, the {@code aud} a client
   * assertion must name (docs/adr/0007); blank means this server's URL as the request shows it.
   */
  public record Clients(@DefaultValue("") String tokenUrl) {}

  /** How long an account may stay unused before it is disabled. */
  public record Inactivity(@DefaultValue("90d") Duration unused) {}
}
