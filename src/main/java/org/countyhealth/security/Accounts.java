package org.countyhealth.security;

import java.util.Set;

/** The security module's facade for other modules (the demo generator creates accounts here). */
public interface Accounts {

  /**
   * Creates an account bound to a staff member; the password must satisfy the policy. Demo accounts
   * skip the change at first login, nothing else.
   */
  long create(NewAccount account);

  record NewAccount(
      String username,
      String rawPassword,
      long staffId,
      Set<Role> roles,
      ScopeKind scope,
      boolean demo) {}
}
