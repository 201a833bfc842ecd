package org.countyhealth.security;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;

/**
 * System clients: a member's HIS (or LIS, PACS…) registered with its facility, authenticating with
 * client credentials (a secret, or a JWT signed with its registered key: SMART Backend Services)
 * for a short-lived bearer token (docs/adr/0007). An administrator registers and revokes them
 * within their own data scope.
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

  /**
   * What an administrator fills in. {@code jwks}: the client's public JWK set for SMART Backend
   * Services (private_key_jwt), or blank; without it a secret is always generated, with it only
   * when {@code withSecret}.
   */
  record NewClient(
      String name,
      String facilityCode,
      Set<Privilege> privileges,
      String jwks,
      boolean withSecret) {

    /** A client that authenticates with a secret only. */
    public NewClient(String name, String facilityCode, Set<Privilege> privileges) {
      this(name, facilityCode, privileges, null, true);
    }
  }

  /**
   * The credentials of a new client: the secret (null when none was generated) is shown once and
   * never stored in clear; {@code keyIds} are the kid values of its registered public keys.
   */
  record Registered(long id, String clientId, String secret, List<String> keyIds) {}

  /** A registered client as the administrators' page lists it. */
  record ClientSummary(
      long id,
      String clientId,
      String name,
      String facilityCode,
      Set<Privilege> privileges,
      Instant createdAt,
      String createdBy,
      Instant revokedAt,
      boolean hasSecret,
      List<String> keyIds) {

    public boolean revoked() {
      return revokedAt != null;
    }
  }

  Registered register(Actor admin, NewClient client);

  /** Replaces a client's public JWK set (key rotation); its tokens stay valid until they expire. */
  void replaceKeys(Actor admin, long id, String jwks);

  void revoke(Actor admin, long id);

  List<ClientSummary> visibleTo(Actor admin);
}
