package org.countyhealth.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;

/**
 * System clients: a member's HIS (or LIS, PACS…) registered with its facility, authenticating with
 * client credentials for a short-lived bearer token (docs/adr/0006). An administrator registers and
 * revokes them within their own data scope.
 */
public interface SystemClients {

  /** The privileges a system client may be granted: the FHIR interface's, nothing else. */
  Set<Privilege> GRANTABLE =
      Set.of(
          Privilege.FACILITY_VIEW,
          Privilege.STAFF_VIEW,
          Privilege.RESIDENT_VIEW,
          Privilege.RESIDENT_EDIT,
          Privilege.CHRONIC_VIEW,
          Privilege.CHRONIC_EDIT,
          Privilege.REFERRAL_CREATE);

  /** What an administrator fills in. */
  record NewClient(String name, String facilityCode, Set<Privilege> privileges) {}

  /** The credentials of a new client; the secret is shown once and never stored in clear. */
  record Registered(long id, String clientId, String secret) {}

  /** A registered client as the administrators' page lists it. */
  record ClientSummary(
      long id,
      String clientId,
      String name,
      String facilityCode,
      Set<Privilege> privileges,
      Instant createdAt,
      String createdBy,
      Instant revokedAt) {

    public boolean revoked() {
      return revokedAt != null;
    }
  }

  Registered register(Actor admin, NewClient client);

  void revoke(Actor admin, long id);

  List<ClientSummary> visibleTo(Actor admin);
}
