package org.countyhealth.security.rules;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A SMART Backend Services client assertion (HL7 SMART App Launch 2.x, "Backend Services",
 * authentication JWT; RFC 7523 §3): a compact JWS signed RS384 or ES384 with a key of the client's
 * registered JWK set, {@code iss = sub = client_id}, {@code aud} = the token endpoint URL, {@code
 * exp} at most five minutes ahead, a {@code jti} used once. Pure: the time and the jti ledger are
 * passed in.
 */
public final class ClientAssertion {

  /** SMART: exp "SHALL be no more than five minutes in the future". */
  public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

  /** Tolerated clock difference with the client, on the far side of exp only. */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private static final int MAX_LENGTH = 8_000;

  /** Why an assertion was refused; every reason is {@code invalid_client} (RFC 7523 §3.2). */
  public enum Reason {
    MALFORMED("client_assertion 不是有效的 JWT（header.payload.signature）"),
    ALGORITHM("签名算法须为 RS384 或 ES384"),
    UNKNOWN_KEY("JWT 头部的 kid 不在该客户端登记的公钥中"),
    SIGNATURE("JWT 签名验证失败"),
    ISSUER("JWT 的 iss 与 sub 须同为 client_id"),
    AUDIENCE("JWT 的 aud 须为本平台的令牌端点地址"),
    EXPIRED("JWT 已过期（exp）"),
    TOO_LONG("JWT 的 exp 距现在不得超过 5 分钟"),
    NOT_YET_VALID("JWT 尚未生效（nbf）"),
    JTI_MISSING("JWT 缺少 jti"),
    REPLAYED("该 JWT 的 jti 已使用过，不得重放");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /** A refusal; the message is the Chinese {@code error_description}. */
  public static final class Rejected extends RuntimeException {
    private final Reason reason;

    public Rejected(Reason reason) {
      super(reason.description(), null, false, false);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /** Remembers the jti values of accepted assertions until they expire. */
  @FunctionalInterface
  public interface JtiLedger {
    /** True the first time {@code jti} is presented; it is then kept until {@code expiresAt}. */
    boolean firstUse(String jti, Instant expiresAt);
  }

  /** A verified assertion. */
  public record Accepted(String clientId, String jti, Instant expiresAt) {}

  private final JsonNode header;
  private final JsonNode claims;
  private final byte[] signingInput;
  private final byte[] signature;

  private ClientAssertion(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
    this.header = header;
    this.claims = claims;
    this.signingInput = signingInput;
    this.signature = signature;
  }

  /** Reads (does not verify) a compact JWS. */
  public static ClientAssertion parse(String compact) {
    if (compact == null || compact.length() > MAX_LENGTH) {
      throw new Rejected(Reason.MALFORMED);
    }
    String[] parts = compact.strip().split("\\.", -1);
    if (parts.length != 3) {
      throw new Rejected(Reason.MALFORMED);
    }
    try {
      Base64.Decoder base64 = Base64.getUrlDecoder();
      JsonNode header = PublicKeySet.JSON.readTree(base64.decode(parts[0]));
      JsonNode claims = PublicKeySet.JSON.readTree(base64.decode(parts[1]));
      if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
        throw new Rejected(Reason.MALFORMED);
      }
      return new ClientAssertion(
          header,
          claims,
          (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
          base64.decode(parts[2]));
    } catch (IllegalArgumentException | JacksonException e) {
      throw new Rejected(Reason.MALFORMED);
    }
  }

  /** The claimed client (not yet verified): whose keys to verify with. */
  public String issuer() {
    return text(claims, "iss");
  }

  /**
   * Verifies signature and claims, in this order, and records the jti last (so an assertion that
   * fails any other check does not use up its jti).
   */
  public Accepted verify(PublicKeySet keys, String audience, Instant now, JtiLedger ledger) {
    String alg = text(header, "alg");
    if (!"RS384".equals(alg) && !"ES384".equals(alg)) {
      throw new Rejected(Reason.ALGORITHM);
    }
    PublicKeySet.Key key =
        keys.byKid(text(header, "kid")).orElseThrow(() -> new Rejected(Reason.UNKNOWN_KEY));
    if (!key.alg().equals(alg)) {
      throw new Rejected(Reason.ALGORITHM);
    }
    if (!signed(key, alg)) {
      throw new Rejected(Reason.SIGNATURE);
    }
    String iss = issuer();
    if (iss == null || iss.isBlank() || !iss.equals(text(claims, "sub"))) {
      throw new Rejected(Reason.ISSUER);
    }
    if (!audienceIs(audience)) {
      throw new Rejected(Reason.AUDIENCE);
    }
    Instant exp = seconds("exp");
    if (exp == null || !exp.isAfter(now)) {
      throw new Rejected(Reason.EXPIRED);
    }
    if (exp.isAfter(now.plus(MAX_LIFETIME).plus(CLOCK_SKEW))) {
      throw new Rejected(Reason.TOO_LONG);
    }
    Instant nbf = seconds("nbf");
    if (nbf != null && nbf.isAfter(now.plus(CLOCK_SKEW))) {
      throw new Rejected(Reason.NOT_YET_VALID);
    }
    String jti = text(claims, "jti");
    if (jti == null || jti.isBlank() || jti.length() > 255) {
      throw new Rejected(Reason.JTI_MISSING);
    }
    if (!ledger.firstUse(jti, exp)) {
      throw new Rejected(Reason.REPLAYED);
    }
    return new Accepted(iss, jti, exp);
  }

  private boolean signed(PublicKeySet.Key key, String alg) {
    try {
      // JWS ES384 carries R || S (2 × 48 bytes, RFC 7518 §3.4): the JDK's P1363 format, not DER.
      Signature verifier =
          Signature.getInstance(
              "RS384".equals(alg) ? "SHA384withRSA" : "SHA384withECDSAinP1363Format");
      if ("ES384".equals(alg) && signature.length != 96) {
        return false;
      }
      verifier.initVerify(key.publicKey());
      verifier.update(signingInput);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** RFC 7519 §4.1.3: a string, or an array of strings one of which is ours. */
  private boolean audienceIs(String audience) {
    JsonNode aud = claims.get("aud");
    if (aud == null || audience == null) {
      return false;
    }
    if (aud.isString()) {
      return audience.equals(aud.stringValue());
    }
    if (aud.isArray()) {
      for (JsonNode each : aud) {
        if (each.isString() && audience.equals(each.stringValue())) {
          return true;
        }
      }
    }
    return false;
  }

  private Instant seconds(String claim) {
    JsonNode value = claims.get(claim);
    return value != null && value.isNumber()
        ? Instant.ofEpochSecond(value.longValue(Long.MAX_VALUE / 1000))
        : null;
  }

  private static String text(JsonNode node, String member) {
    JsonNode value = node.get(member);
    return value != null && value.isString() ? value.stringValue() : null;
  }
}
