package org.countyhealth.security.clients;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.FacilitySummary;
import org.countyhealth.security.SystemClients;
import org.countyhealth.security.clients.SystemClientStore.StoredClient;
import org.countyhealth.security.rules.PublicKeySet;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers system clients, replaces their keys and revokes them; {@link SystemTokens} issues their
 * bearer tokens.
 */
@Service
@Transactional
public class SystemClientDirectory implements SystemClients {

  private final SystemClientStore store;
  private final Facilities facilities;
  private final PasswordEncoder encoder;
  private final Clock clock;

  SystemClientDirectory(
      SystemClientStore store, Facilities facilities, PasswordEncoder encoder, Clock clock) {
    this.store = store;
    this.facilities = facilities;
    this.encoder = encoder;
    this.clock = clock;
  }

  @Override
  @PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
  public Registered register(Actor admin, NewClient client) {
    String name = client.name() == null ? "" : client.name().strip();
    missing(name, client);
    if (name.length() > 100) {
      throw new BusinessException("CLIENT_NAME_INVALID", "请填写系统名称（1–100 个字）", "name");
    }
    Optional<FacilitySummary> facility =
        Optional.ofNullable(client.facilityCode())
            .map(String::strip)
            .flatMap(facilities::find)
            .filter(f -> admin.scope().includes(f.licenceCode()));
    if (facility.isEmpty()) {
      throw new BusinessException("CLIENT_FACILITY_UNKNOWN", "找不到该机构（或不在您的管理范围内）", "facilityCode");
    }
    Set<Privilege> privileges = EnumSet.copyOf(client.privileges());
    if (!GRANTABLE.containsAll(privileges)) {
      throw new BusinessException(
          "CLIENT_PRIVILEGE_NOT_GRANTABLE", "只能授予 FHIR 接口相关的权限", "privileges");
    }
    String jwks = blankToNull(client.jwks());
    List<String> keyIds = jwks == null ? List.of() : keys(jwks).kids();
    String clientId = "his-" + HexFormat.of().formatHex(SystemTokens.randomBytes(8));
    String secret =
        jwks == null || client.withSecret()
            ? SystemTokens.base64(SystemTokens.randomBytes(32))
            : null;
    long id =
        store.insert(
            clientId,
            name,
            facility.get().licenceCode(),
            secret == null ? null : encoder.encode(secret),
            jwks,
            privileges,
            admin.username(),
            clock.instant());
    return new Registered(id, clientId, secret, keyIds);
  }

  @Override
  @PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
  public void replaceKeys(Actor admin, long id, String jwks) {
    StoredClient client = inScope(admin, id);
    if (client.summary().revoked()) {
      throw new BusinessException("CLIENT_REVOKED", "该客户端已吊销，不能更新公钥", "jwks");
    }
    String text = blankToNull(jwks);
    if (text == null && client.secretHash() == null) {
      throw new BusinessException("CLIENT_KEYS_MISSING", "该客户端没有密钥，公钥不能为空", "jwks");
    }
    if (text != null) {
      keys(text);
    }
    store.replaceJwks(id, text);
  }

  /**
   * Every empty field at once, each named (the page shows them beside their fields, the API as
   * {@code field.*}); the code is the first one's.
   */
  private static void missing(String name, NewClient client) {
    Map<String, String> fields = new LinkedHashMap<>();
    String code = null;
    if (name.isEmpty()) {
      fields.put("name", "请填写系统名称（1–100 个字）");
      code = "CLIENT_NAME_INVALID";
    }
    if (client.facilityCode() == null || client.facilityCode().isBlank()) {
      fields.put("facilityCode", "请选择所属机构");
      code = code != null ? code : "CLIENT_FACILITY_MISSING";
    }
    if (client.privileges() == null || client.privileges().isEmpty()) {
      fields.put("privileges", "请至少授予一项接口权限");
      code = code != null ? code : "CLIENT_PRIVILEGES_MISSING";
    }
    if (code != null) {
      throw new BusinessException(code, fields);
    }
  }

  /** Parses a pasted JWK set; its problems are shown beside the field. */
  private static PublicKeySet keys(String jwks) {
    try {
      return PublicKeySet.parse(jwks);
    } catch (IllegalArgumentException e) {
      throw new BusinessException("CLIENT_JWKS_INVALID", e.getMessage(), "jwks");
    }
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  @Override
  @PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
  public void revoke(Actor admin, long id) {
    StoredClient client = inScope(admin, id);
    store.revoke(client.summary().id(), admin.username(), clock.instant());
  }

  private StoredClient inScope(Actor admin, long id) {
    return store
        .byId(id)
        .filter(c -> admin.scope().includes(c.summary().facilityCode()))
        .orElseThrow(() -> new NotFound("CLIENT_NOT_FOUND", "系统客户端不存在或不在您的管理范围内"));
  }

  @Override
  @PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
  @Transactional(readOnly = true)
  public List<ClientSummary> visibleTo(Actor admin) {
    return store.inScope(admin.scope());
  }
}
