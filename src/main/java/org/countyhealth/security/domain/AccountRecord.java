package org.countyhealth.security.domain;

import java.time.Instant;
import java.util.Set;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;

/** One account as stored. */
public record AccountRecord(
    long id,
    String username,
    String passwordHash,
    long staffId,
    String facilityCode,
    ScopeKind scope,
    boolean enabled,
    boolean mustChangePassword,
    boolean demo,
    int failedAttempts,
    Instant lockedUntil,
    Instant lastLoginAt,
    Instant createdAt,
    Instant enabledAt,
    String disabledReason,
    Set<Role> roles) {

  public AccountRecord {
    roles = Set.copyOf(roles);
  }

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }
}
