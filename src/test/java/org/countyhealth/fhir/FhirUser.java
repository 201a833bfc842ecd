package org.countyhealth.fhir;

import java.util.Set;
import java.util.UUID;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.countyhealth.security.SecurityTestSupport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A caller of the FHIR interface made for a test: new staff at a facility, an account with one role
 * and scope (no password change due), signed in over real HTTP.
 */
record FhirUser(String username, long staff, FhirHttp http) {

  static FhirUser create(
      int port,
      JdbcClient jdbc,
      Accounts accounts,
      String usernamePrefix,
      String facility,
      String staffName,
      Role role,
      ScopeKind scope)
      throws Exception {
    String username = usernamePrefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    long staff = SecurityTestSupport.insertStaff(jdbc, facility, staffName);
    accounts.create(
        new Accounts.NewAccount(
            username, SecurityTestSupport.PASSWORD, staff, Set.of(role), scope, true));
    return new FhirUser(
        username, staff, FhirHttp.signedIn(port, username, SecurityTestSupport.PASSWORD));
  }
}
