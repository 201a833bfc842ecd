package org.countyhealth.security.clients;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.countyhealth.organization.Facilities;
import org.countyhealth.security.SystemClients.ClientSummary;
import org.countyhealth.security.clients.SystemClientStore.StoredClient;
import org.countyhealth.security.rules.ClientAssertion;
import org.countyhealth.security.rules.PublicKeySet;
import org.countyhealth.security.rules.SmartScopes;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Privilege;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues system clients' bearer tokens (client credentials: a secret or a SMART Backend Services
 * client assertion), opaque and stored as SHA-256 only, and turns a token back into the client's
 * actor: its facility and children as data scope, its granted privileges.
 */
@Service
@Transactional
public class SystemTokens {

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

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SystemClientStore store;
  private final Facilities facilities;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final String dummyHash;

  SystemTokens(
      SystemClientStore store, Facilities facilities, PasswordEncoder encoder, Clock clock) {
    this.store = store;
    this.facilities = facilities;
    this.encoder = encoder;
    this.clock = clock;
    this.dummyHash = encoder.encode("timing-equaliser-for-unknown-clients");
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
    String token = base64(randomBytes(32));
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

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  static String base64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
