package org.countyhealth.security.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.FacilitySummary;
import org.countyhealth.security.SystemClients;
import org.countyhealth.security.clients.SystemClientStore.StoredClient;
import org.countyhealth.security.rules.ClientAssertion;
import org.countyhealth.security.rules.PublicKeySet;
import org.countyhealth.security.rules.SmartScopes;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers system clients, issues their bearer tokens (client credentials: a secret or a SMART
 * Backend Services client assertion) and turns a token back into the client's actor: its facility
 * and children as data scope, its granted privileges.
 */
@Service
@Transactional
public class SystemClientDirectory implements SystemClients {

  /** SMART Backend Services: an access token should live no longer than five minutes. */
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

  static final String ROLE = "SYSTEM_CLIENT";

  /** A token as the token endpoint answers it; {@code scope} as granted (RFC 6749 §5.1). */
  public record IssuedToken(String value, long expiresInSeconds, String scope) {}

  /** A refused token request: an RFC 6749 §5.2 error code and its Chinese description. */
  public static final class TokenRefused extends RuntimeException {
    private final String error;

    public TokenRefused(String error, String description) {
      super(description, null, false, false);
      this.error = error;
    }

    public String error() {
      return error;
    }
  }

  private final SystemClientStore store;
  private final Facilities facilities;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final String dummyHash;

  SystemClientDirectory(
      SystemClientStore store, Facilities facilities, PasswordEncoder encoder, Clock clock) {
    this.store = store;
    this.facilities = facilities;
    this.encoder = encoder;
    this.clock = clock;
    this.dummyHash = encoder.encode("timing-equaliser-for-unknown-clients");
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
    String clientId = "his-" + HexFormat.of().formatHex(bytes(8));
    String secret = jwks == null || client.withSecret() ? base64(bytes(32)) : null;
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

  /**
   * Client credentials (secret) for a token. An unknown or revoked client, a client without a
   * secret and a wrong secret are all {@code invalid_client}, after the same hashing time (so
   * answers do not tell which client ids exist). {@code scope}: optional, narrows the token.
   */
  public IssuedToken issue(String clientId, String secret, String scope) {
    Optional<StoredClient> client =
        clientId == null ? Optional.empty() : store.byClientId(clientId.strip());
    String hash = client.map(StoredClient::secretHash).orElse(null);
    boolean matches =
        encoder.matches(secret == null ? "" : secret, hash != null ? hash : dummyHash);
    if (client.isEmpty() || hash == null || !matches || client.get().summary().revoked()) {
      throw new TokenRefused("invalid_client", "客户端标识或密钥错误，或该客户端已被吊销");
    }
    return token(client.get().summary(), scope);
  }

  /**
   * SMART Backend Services: a client assertion (a JWT signed with one of the client's registered
   * keys, for {@code audience} = the token endpoint URL) for a token; {@code scope} is required.
   */
  public IssuedToken issueForAssertion(String assertion, String audience, String scope) {
    ClientAssertion jwt = ClientAssertion.parse(assertion);
    StoredClient client =
        Optional.ofNullable(jwt.issuer())
            .flatMap(store::byClientId)
            .filter(c -> !c.summary().revoked() && c.jwks() != null)
            .orElseThrow(() -> new TokenRefused("invalid_client", "客户端不存在、已被吊销或未登记公钥（JWT 的 iss）"));
    if (scope == null || scope.isBlank()) {
      throw new TokenRefused("invalid_scope", "缺少 scope（如 system/Patient.read）");
    }
    Instant now = clock.instant();
    long id = client.summary().id();
    jwt.verify(
        PublicKeySet.parse(client.jwks()),
        audience,
        now,
        (jti, expires) -> store.firstUseOfJti(id, jti, expires, now));
    return token(client.summary(), scope);
  }

  private IssuedToken token(ClientSummary client, String scope) {
    Set<Privilege> privileges;
    String granted;
    if (scope == null || scope.isBlank()) {
      privileges = null;
      granted =
          client.privileges().stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
    } else {
      SmartScopes.Grant grant;
      try {
        grant = SmartScopes.grant(scope, client.privileges());
      } catch (IllegalArgumentException e) {
        throw new TokenRefused("invalid_scope", e.getMessage());
      }
      if (grant.privileges().isEmpty()) {
        throw new TokenRefused("invalid_scope", "所请求的 scope 均未授予该客户端");
      }
      privileges = grant.privileges();
      granted = String.join(" ", grant.scopes());
    }
    String token = base64(bytes(32));
    Instant now = clock.instant();
    store.insertToken(hash(token), client.id(), privileges, now, now.plus(TOKEN_LIFETIME));
    return new IssuedToken(token, TOKEN_LIFETIME.toSeconds(), granted);
  }

  /** The actor of a valid bearer token. */
  @Transactional(readOnly = true)
  Optional<Actor> actorOf(String token) {
    return store.byToken(hash(token), clock.instant()).map(t -> actor(t.client(), t.privileges()));
  }

  private Actor actor(ClientSummary client, Set<Privilege> granted) {
    Set<String> privileges = new TreeSet<>();
    granted.forEach(p -> privileges.add(p.name()));
    // Negative: never mistaken for an account id in the audit trail.
    return new Actor(
        -client.id(),
        "client:" + client.clientId(),
        client.name(),
        null,
        client.facilityCode(),
        Set.of(ROLE),
        privileges,
        DataScope.of(facilities.subtreeOf(client.facilityCode())));
  }

  @Scheduled(fixedDelay = 3_600_000L, initialDelay = 600_000L)
  void purgeExpiredTokens() {
    store.deleteExpiredTokens(clock.instant());
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] bytes(int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private static String base64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
