package org.countyhealth.demo;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FHIR benchmark's HTTP client: requests to the running server with the bearer token of a
 * registered system client, renewed before it expires. Safe for concurrent senders.
 */
final class FhirBenchClient {

  private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private final String clientId;
  private final String secret;
  private String token;
  private long tokenAt;

  FhirBenchClient(String base, String clientId, String secret) {
    this.base = base;
    this.clientId = clientId;
    this.secret = secret;
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token())
            .header("Accept", "application/fhir+json");
    if (body != null) {
      request.header("Content-Type", "application/fhir+json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Tokens live five minutes: a new one every four. */
  synchronized String token() throws Exception {
    if (token == null || System.nanoTime() - tokenAt > 240e9) {
      String form =
          "grant_type=client_credentials&client_id="
              + enc(clientId)
              + "&client_secret="
              + enc(secret);
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher m = TOKEN.matcher(response.body());
      if (!m.find()) {
        throw new IllegalStateException("no token: " + response.body());
      }
      token = m.group(1);
      tokenAt = System.nanoTime();
    }
    return token;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
