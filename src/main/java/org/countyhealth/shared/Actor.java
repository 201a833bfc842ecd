package org.countyhealth.shared;

import java.util.Set;

/** Who is acting: a signed-in account bound to a staff member, or a system client. */
public record Actor(
    long accountId,
    String username,
    String displayName,
    Long staffId,
    String facilityCode,
    Set<String> roles,
    Set<String> privileges,
    DataScope scope) {

  public Actor {
    roles = Set.copyOf(roles);
    privileges = Set.copyOf(privileges);
  }

  public boolean can(String privilege) {
    return privileges.contains(privilege);
  }
}
