package org.countyhealth.security.rules;

import java.time.Duration;
import java.time.Instant;

/**
 * Accounts unused for 90 days are disabled (000_65944b5c5b97f013.txt line 1891: 定期检查/锁定或撤销系统中
 * 多余的、过期的用户). "Used" is the last login; an account never used counts from its creation, and an
 * account enabled again counts from then.
 */
public record InactivityPolicy(Duration maxUnused) {

  public static final InactivityPolicy STANDARD = new InactivityPolicy(Duration.ofDays(90));

  public InactivityPolicy {
    if (maxUnused == null || maxUnused.isNegative() || maxUnused.isZero()) {
      throw new IllegalArgumentException("maxUnused must be positive");
    }
  }

  /** Accounts whose last use is before this instant are inactive. */
  public Instant cutoff(Instant now) {
    return now.minus(maxUnused);
  }

  public Instant lastUse(Instant enabledAt, Instant lastLoginAt) {
    return lastLoginAt != null && lastLoginAt.isAfter(enabledAt) ? lastLoginAt : enabledAt;
  }

  public boolean isInactive(Instant enabledAt, Instant lastLoginAt, Instant now) {
    return lastUse(enabledAt, lastLoginAt).isBefore(cutoff(now));
  }
}
