package org.countyhealth.security.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.FacilitySummary;
import org.countyhealth.security.SystemClients;
import org.countyhealth.security.SystemClients.ClientSummary;
import org.countyhealth.security.SystemClients.NewClient;
import org.countyhealth.security.SystemClients.Registered;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.Privilege;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * System clients as JSON, for an admin tool or a deployment script: the same facade, checks and
 * audit events as the page ({@link SystemClientsAdminController}); the secret is in the answer to
 * the registration only, never listed.
 */
@RestController
@RequestMapping("/api/v1/system-clients")
@PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
class SystemClientsApi {

  /** {@code jwks}: the public JWK set as a JSON object or as a string; absent or null for none. */
  record ClientRequest(
      String name,
      String facilityCode,
      List<String> privileges,
      JsonNode jwks,
      Boolean withSecret) {}

  record KeysRequest(JsonNode jwks) {}

  /**
   * A registered client; {@code secret} only in the registration's answer, absent when none was
   * generated (nulls are left out of the JSON).
   */
  record RegisteredView(long id, String clientId, String secret, List<String> keyIds) {}

  /** {@code authentication}: {@code private_key_jwt} and/or {@code client_secret}. */
  record ClientView(
      long id,
      String clientId,
      String name,
      String facilityCode,
      String facilityName,
      List<String> privileges,
      List<String> authentication,
      List<String> keyIds,
      Instant createdAt,
      String createdBy,
      Instant revokedAt,
      boolean revoked) {}

  private final CurrentActor currentActor;
  private final SystemClients clients;
  private final Facilities facilities;
  private final AuditTrail audit;

  SystemClientsApi(
      CurrentActor currentActor, SystemClients clients, Facilities facilities, AuditTrail audit) {
    this.currentActor = currentActor;
    this.clients = clients;
    this.facilities = facilities;
    this.audit = audit;
  }

  @GetMapping
  List<ClientView> list() {
    audit.describe("SYSTEM_CLIENT_LIST", "SystemClient", null);
    return clients.visibleTo(currentActor.require()).stream().map(this::view).toList();
  }

  @PostMapping
  ResponseEntity<RegisteredView> register(@RequestBody ClientRequest body) {
    Registered registered =
        clients.register(
            currentActor.require(),
            new NewClient(
                body.name(),
                body.facilityCode(),
                privileges(body.privileges()),
                jwks(body.jwks()),
                Boolean.TRUE.equals(body.withSecret())));
    audit.describe("SYSTEM_CLIENT_REGISTER", "SystemClient", registered.clientId());
    return ResponseEntity.created(URI.create("/api/v1/system-clients/" + registered.id()))
        .cacheControl(CacheControl.noStore())
        .body(
            new RegisteredView(
                registered.id(), registered.clientId(), registered.secret(), registered.keyIds()));
  }

  /**
   * Key rotation: the new set replaces the old at once (null or blank: removes it, if a secret).
   */
  @PutMapping("/{id}/keys")
  ClientView replaceKeys(@PathVariable long id, @RequestBody KeysRequest body) {
    audit.describe("SYSTEM_CLIENT_KEYS_REPLACE", "SystemClient", Long.toString(id));
    clients.replaceKeys(currentActor.require(), id, jwks(body.jwks()));
    return find(id);
  }

  @PostMapping("/{id}/revoke")
  ResponseEntity<Void> revoke(@PathVariable long id) {
    audit.describe("SYSTEM_CLIENT_REVOKE", "SystemClient", Long.toString(id));
    clients.revoke(currentActor.require(), id);
    return ResponseEntity.noContent().build();
  }

  private ClientView find(long id) {
    return clients.visibleTo(currentActor.require()).stream()
        .filter(c -> c.id() == id)
        .map(this::view)
        .findFirst()
        .orElseThrow();
  }

  /** Names as in {@link Privilege}; an unknown one is refused like a non-grantable one. */
  private static Set<Privilege> privileges(List<String> names) {
    Set<Privilege> privileges = EnumSet.noneOf(Privilege.class);
    for (String name : names == null ? List.<String>of() : names) {
      try {
        privileges.add(Privilege.valueOf(name == null ? "" : name.strip()));
      } catch (IllegalArgumentException e) {
        throw new BusinessException(
            "CLIENT_PRIVILEGE_NOT_GRANTABLE", "只能授予 FHIR 接口相关的权限：" + name, "privileges");
      }
    }
    return privileges;
  }

  /** A JWK set sent as an object or as a string (as pasted on the page). */
  private static String jwks(JsonNode jwks) {
    if (jwks == null || jwks.isNull() || jwks.isMissingNode()) {
      return null;
    }
    return jwks.isString() ? jwks.asString() : jwks.toString();
  }

  private ClientView view(ClientSummary c) {
    List<String> authentication = new ArrayList<>();
    if (!c.keyIds().isEmpty()) {
      authentication.add("private_key_jwt");
    }
    if (c.hasSecret()) {
      authentication.add("client_secret");
    }
    return new ClientView(
        c.id(),
        c.clientId(),
        c.name(),
        c.facilityCode(),
        facilities.find(c.facilityCode()).map(FacilitySummary::name).orElse(null),
        c.privileges().stream().map(Enum::name).sorted().toList(),
        authentication,
        c.keyIds(),
        c.createdAt(),
        c.createdBy(),
        c.revokedAt(),
        c.revoked());
  }
}
