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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.FacilitySummary;
import org.countyhealth.security.SystemClients;
import org.countyhealth.security.clients.SystemClientStore.StoredClient;
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
 * Registers system clients, issues their bearer tokens (client credentials) and turns a token back
 * into the client's actor: its facility and children as data scope, its granted privileges.
 */
@Service
@Transactional
public class SystemClientDirectory implements SystemClients {

  /** SMART Backend Services: an access token should live no longer than five minutes. */
  static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

  static final String ROLE = "SYSTEM_CLIENT";

  /** A token as the token endpoint answers it. */
  public record IssuedToken(String value, long expiresInSeconds, Set<Privilege> privileges) {}

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
    if (name.isEmpty() || name.length() > 100) {
      throw new BusinessException("CLIENT_NAME_INVALID", "请填写系统名称（1–100 个字）", "name");
    }
    Optional<FacilitySummary> facility =
        Optional.ofNullable(client.facilityCode())
            .flatMap(facilities::find)
            .filter(f -> admin.scope().includes(f.licenceCode()));
    if (facility.isEmpty()) {
      throw new BusinessException("CLIENT_FACILITY_UNKNOWN", "找不到该机构（或不在您的管理范围内）", "facilityCode");
    }
    Set<Privilege> privileges =
        client.privileges() == null ? Set.of() : EnumSet.copyOf(nonEmpty(client.privileges()));
    if (privileges.isEmpty()) {
      throw new BusinessException("CLIENT_PRIVILEGES_MISSING", "请至少授予一项接口权限", "privileges");
    }
    if (!GRANTABLE.containsAll(privileges)) {
      throw new BusinessException(
          "CLIENT_PRIVILEGE_NOT_GRANTABLE", "只能授予 FHIR 接口相关的权限", "privileges");
    }
    String clientId = "his-" + HexFormat.of().formatHex(bytes(8));
    String secret = base64(bytes(32));
    long id =
        store.insert(
            clientId,
            name,
            facility.get().licenceCode(),
            encoder.encode(secret),
            privileges,
            admin.username(),
            clock.instant());
    return new Registered(id, clientId, secret);
  }

  @Override
  @PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
  public void revoke(Actor admin, long id) {
    StoredClient client =
        store
            .byId(id)
            .filter(c -> admin.scope().includes(c.summary().facilityCode()))
            .orElseThrow(() -> new NotFound("CLIENT_NOT_FOUND", "系统客户端不存在或不在您的管理范围内"));
    store.revoke(client.summary().id(), admin.username(), clock.instant());
  }

  @Override
  @PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
  @Transactional(readOnly = true)
  public List<ClientSummary> visibleTo(Actor admin) {
    return store.inScope(admin.scope());
  }

  /**
   * Client credentials for a token; empty for an unknown or revoked client or a wrong secret (the
   * same hashing time in every case, so answers do not tell which client ids exist).
   */
  public Optional<IssuedToken> issue(String clientId, String secret) {
    Optional<StoredClient> client =
        clientId == null ? Optional.empty() : store.byClientId(clientId.strip());
    String given = secret == null ? "" : secret;
    boolean matches =
        encoder.matches(given, client.map(StoredClient::secretHash).orElse(dummyHash));
    if (client.isEmpty() || !matches || client.get().summary().revoked()) {
      return Optional.empty();
    }
    String token = base64(bytes(32));
    Instant now = clock.instant();
    store.insertToken(hash(token), client.get().summary().id(), now, now.plus(TOKEN_LIFETIME));
    return Optional.of(
        new IssuedToken(token, TOKEN_LIFETIME.toSeconds(), client.get().summary().privileges()));
  }

  /** The actor of a valid bearer token. */
  @Transactional(readOnly = true)
  Optional<Actor> actorOf(String token) {
    return store.byToken(hash(token), clock.instant()).map(c -> actor(c.summary()));
  }

  private Actor actor(ClientSummary client) {
    Set<String> privileges = new TreeSet<>();
    client.privileges().forEach(p -> privileges.add(p.name()));
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

  private static Set<Privilege> nonEmpty(Set<Privilege> p) {
    return p.isEmpty() ? EnumSet.noneOf(Privilege.class) : p;
  }
}
