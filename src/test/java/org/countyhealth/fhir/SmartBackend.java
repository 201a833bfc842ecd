package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countyhealth.security.ClientKeys;

/**
 * A SMART Backend Services client as a HIS runs it, over real HTTP: signs client assertions with
 * its {@link ClientKeys}, asks /oauth/token for a token and calls with it (no session, no cookie).
 */
final class SmartBackend {

  private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final Clock clock;

  SmartBackend(int port, Clock clock) {
    this.base = "http://localhost:" + port;
    this.clock = clock;
  }

  /** The token endpoint's URL: the {@code aud} the platform expects. */
  String tokenUrl() {
    return base + "/oauth/token";
  }

  /** Assertion claims: iss = sub = the client, exp four minutes ahead. */
  Map<String, Object> claims(String clientId, String audience, String jti) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", clientId);
    claims.put("sub", clientId);
    claims.put("aud", audience);
    claims.put("exp", clock.instant().getEpochSecond() + 240);
    claims.put("jti", jti);
    return claims;
  }

  /** A fresh assertion for the token endpoint, signed with {@code keys}. */
  String assertion(ClientKeys keys, String clientId) {
    return keys.sign(claims(clientId, tokenUrl(), "jti-" + UUID.randomUUID()));
  }

  /** The token endpoint's answer to a client assertion. */
  HttpResponse<String> token(String assertion, String scope) throws Exception {
    return post(
        "grant_type=client_credentials&client_assertion_type="
            + enc("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
            + "&client_assertion="
            + enc(assertion)
            + "&scope="
            + enc(scope));
  }

  /** A form POST to the token endpoint. */
  HttpResponse<String> post(String form) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(tokenUrl()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String accessToken(HttpResponse<String> response) {
    Matcher m = TOKEN.matcher(response.body());
    assertThat(m.find()).as(response.body()).isTrue();
    return m.group(1);
  }

  /** A FHIR GET with the bearer token. */
  HttpResponse<String> bearer(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/fhir+json")
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
