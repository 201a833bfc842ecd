package org.countyhealth.security.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.countyhealth.security.ClientKeys;
import org.countyhealth.security.rules.ClientAssertion.Accepted;
import org.countyhealth.security.rules.ClientAssertion.Reason;
import org.countyhealth.security.rules.ClientAssertion.Rejected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SMART App Launch 2.x, Backend Services, "Authenticating to the token endpoint" (authentication
 * JWT: alg RS384/ES384, kid, iss = sub = client_id, aud = token URL, exp ≤ 5 min, jti once).
 */
class ClientAssertionTest {

  static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
  static final String AUD = "https://platform.example.cn/oauth/token";
  static final String CLIENT = "his-0123456789abcdef";
  static final ClientKeys RSA = ClientKeys.rsa("rsa-1");
  static final ClientKeys EC = ClientKeys.ec("ec-1");
  static final ClientKeys STRANGER = ClientKeys.rsa("rsa-1");
  static final PublicKeySet KEYS = PublicKeySet.parse(ClientKeys.jwks(RSA, EC));

  /** One row: how the header and claims differ from a good assertion, who signs, the outcome. */
  record Row(
      String name,
      ClientKeys signer,
      Consumer<Map<String, Object>> header,
      Consumer<Map<String, Object>> claims,
      Reason expected) {

    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> table() {
    Consumer<Map<String, Object>> same = m -> {};
    return Stream.of(
            new Row("good RS384", RSA, same, same, null),
            new Row("good ES384", EC, same, same, null),
            new Row(
                "aud as an array naming us", RSA, same, c -> c.put("aud", List.of("x", AUD)), null),
            new Row("exp 5 min ahead plus tolerated skew", RSA, same, exp(330), null),
            new Row("alg RS256", RSA, h -> h.put("alg", "RS256"), same, Reason.ALGORITHM),
            new Row("alg none", RSA, h -> h.put("alg", "none"), same, Reason.ALGORITHM),
            new Row("alg HS384", RSA, h -> h.put("alg", "HS384"), same, Reason.ALGORITHM),
            new Row(
                "ES384 header on the RSA key",
                RSA,
                h -> h.put("alg", "ES384"),
                same,
                Reason.ALGORITHM),
            new Row("unknown kid", RSA, h -> h.put("kid", "rsa-2"), same, Reason.UNKNOWN_KEY),
            new Row("no kid", RSA, h -> h.remove("kid"), same, Reason.UNKNOWN_KEY),
            new Row("bad signature (other key, same kid)", STRANGER, same, same, Reason.SIGNATURE),
            new Row(
                "iss ≠ sub", RSA, same, c -> c.put("sub", "his-ffffffffffffffff"), Reason.ISSUER),
            new Row("no sub", RSA, same, c -> c.remove("sub"), Reason.ISSUER),
            new Row(
                "wrong aud",
                RSA,
                same,
                c -> c.put("aud", "https://evil.example/oauth/token"),
                Reason.AUDIENCE),
            new Row("no aud", RSA, same, c -> c.remove("aud"), Reason.AUDIENCE),
            new Row("expired", RSA, same, exp(-1), Reason.EXPIRED),
            new Row("exp now", RSA, same, exp(0), Reason.EXPIRED),
            new Row("no exp", RSA, same, c -> c.remove("exp"), Reason.EXPIRED),
            new Row("exp 6 min ahead", RSA, same, exp(360), Reason.TOO_LONG),
            new Row(
                "nbf in the future",
                RSA,
                same,
                c -> c.put("nbf", NOW.getEpochSecond() + 120),
                Reason.NOT_YET_VALID),
            new Row("no jti", RSA, same, c -> c.remove("jti"), Reason.JTI_MISSING),
            new Row("replayed jti", RSA, same, c -> c.put("jti", "used-before"), Reason.REPLAYED))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void verifiesAsSmartBackendServicesRequires(Row row) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", row.signer().alg());
    header.put("kid", row.signer().kid());
    header.put("typ", "JWT");
    row.header().accept(header);
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", CLIENT);
    claims.put("sub", CLIENT);
    claims.put("aud", AUD);
    claims.put("exp", NOW.getEpochSecond() + 240);
    claims.put("jti", "jti-" + row.name().hashCode());
    row.claims().accept(claims);
    Set<String> ledger = new HashSet<>(Set.of("used-before"));

    ClientAssertion assertion = ClientAssertion.parse(row.signer().sign(header, claims));

    if (row.expected() == null) {
      Accepted accepted = assertion.verify(KEYS, AUD, NOW, (jti, exp) -> ledger.add(jti));
      assertThat(accepted.clientId()).isEqualTo(CLIENT);
      assertThat(ledger).contains(accepted.jti());
    } else {
      int before = ledger.size();
      assertThatThrownBy(() -> assertion.verify(KEYS, AUD, NOW, (jti, exp) -> ledger.add(jti)))
          .isInstanceOf(Rejected.class)
          .satisfies(e -> assertThat(((Rejected) e).reason()).isEqualTo(row.expected()))
          .hasMessage(row.expected().description());
      assertThat(ledger).as("a refused assertion uses up no jti").hasSize(before);
    }
  }

  @Test
  void theSameAssertionTwiceIsAReplay() {
    Set<String> ledger = new HashSet<>();
    String jwt =
        RSA.sign(
            Map.of(
                "iss",
                CLIENT,
                "sub",
                CLIENT,
                "aud",
                AUD,
                "exp",
                NOW.getEpochSecond() + 60,
                "jti",
                "j1"));
    ClientAssertion.parse(jwt).verify(KEYS, AUD, NOW, (jti, exp) -> ledger.add(jti));
    assertThatThrownBy(
            () -> ClientAssertion.parse(jwt).verify(KEYS, AUD, NOW, (jti, exp) -> ledger.add(jti)))
        .isInstanceOf(Rejected.class)
        .hasMessage("该 JWT 的 jti 已使用过，不得重放");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "",
        "abc",
        "a.b",
        "a.b.c.d",
        "!!!.e30.sig",
        "e30.!!!.sig",
        "W10.e30.",
        "bnVsbA.e30."
      })
  void malformedAssertionsAreRefused(String compact) {
    assertThatThrownBy(() -> ClientAssertion.parse(compact))
        .isInstanceOf(Rejected.class)
        .satisfies(e -> assertThat(((Rejected) e).reason()).isEqualTo(Reason.MALFORMED));
  }

  private static Consumer<Map<String, Object>> exp(long secondsFromNow) {
    return c -> c.put("exp", NOW.getEpochSecond() + secondsFromNow);
  }
}
