package org.countyhealth.fhir;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countyhealth.LoopbackLogins;

/**
 * A real HTTP client with its own cookie jar: the FHIR servlet is not the DispatcherServlet, so
 * MockMvc cannot reach it; requests go through the running server and its security filter chain.
 */
final class FhirHttp {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final String base;
  private final HttpClient client;
  private String csrf;

  private FhirHttp(String base) {
    this.base = base;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  static FhirHttp anonymous(int port) {
    return new FhirHttp("http://localhost:" + port);
  }

  /** Signs in through the login form (demo accounts need no password change). */
  static FhirHttp signedIn(int port, String username, String password) throws Exception {
    LoopbackLogins.free();
    FhirHttp http = new FhirHttp("http://localhost:" + port);
    String page = http.get("/login", "text/html").body();
    Matcher m = CSRF.matcher(page);
    if (!m.find()) {
      m = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(page);
      if (!m.find()) {
        throw new IllegalStateException("no CSRF token on the login page");
      }
    }
    String form =
        "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
    HttpResponse<String> login =
        http.client.send(
            HttpRequest.newBuilder(URI.create(http.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = login.headers().firstValue("Location").orElse("");
    if (login.statusCode() != 302 || location.contains("/login")) {
      throw new IllegalStateException("login failed: " + login.statusCode() + " " + location);
    }
    return http;
  }

  HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return get(path, "application/fhir+json");
  }

  /** A POST carrying the session's CSRF token (from the logout form of any page). */
  HttpResponse<String> post(String path, String contentType, String body)
      throws IOException, InterruptedException {
    return post(path, contentType, body, new String[0]);
  }

  /** A POST with extra headers (name, value, …), e.g. {@code If-None-Exist}. */
  HttpResponse<String> post(String path, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", contentType)
            .header("Accept", "application/fhir+json")
            .header("X-CSRF-TOKEN", csrf())
            .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A JSON API call ({@code method} GET, POST, PUT…; {@code body} null for none) with the session's
   * CSRF token.
   */
  HttpResponse<String> json(String method, String path, String body)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-CSRF-TOKEN", csrf())
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String csrf() throws IOException, InterruptedException {
    if (csrf == null) {
      Matcher m = CSRF.matcher(get("/", "text/html").body());
      if (!m.find()) {
        throw new IllegalStateException("no CSRF token on the home page");
      }
      csrf = m.group(1);
    }
    return csrf;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
