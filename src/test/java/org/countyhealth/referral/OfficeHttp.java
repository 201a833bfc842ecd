package org.countyhealth.referral;

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

/** A person at a browser: a real HTTP client with its own cookie jar, signed in by the form. */
final class OfficeHttp {

  private static final Pattern FIELD = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");

  private final String base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(new CookieManager())
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private String csrf;

  private OfficeHttp(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /**
   * Signs in through the login form. Other tests sign in from this address too, so a refusal by the
   * per-address rate limit is waited out (its Retry-After), a few times at most.
   */
  static OfficeHttp signedIn(int port, String username, String password) throws Exception {
    LoopbackLogins.free();
    OfficeHttp http = new OfficeHttp(port);
    for (int attempt = 0; ; attempt++) {
      Matcher m = FIELD.matcher(http.send(get(http.base + "/login")).body());
      if (!m.find()) {
        throw new IllegalStateException("no CSRF token on the login page");
      }
      String form =
          "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(m.group(1));
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(http.base + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(form))
                  .build());
      if (r.statusCode() == 429 && attempt < 3) {
        long wait = Long.parseLong(r.headers().firstValue("Retry-After").orElse("60"));
        Thread.sleep(1000 * Math.min(wait + 1, 70));
        continue;
      }
      String location = r.headers().firstValue("Location").orElse("");
      if (r.statusCode() != 302 || location.contains("/login")) {
        throw new IllegalStateException("login failed: " + r.statusCode() + " " + location);
      }
      Matcher token = META.matcher(http.send(get(http.base + "/referrals/office")).body());
      if (!token.find()) {
        throw new IllegalStateException("no CSRF token on the office queue page");
      }
      http.csrf = token.group(1);
      return http;
    }
  }

  /** Prepares a JSON POST to the API, carrying the session's CSRF token. */
  HttpRequest postJson(String path, String json) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .header("X-CSRF-TOKEN", csrf)
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** Signs out, so the account's session cap is free again. */
  void logout() throws Exception {
    send(
        HttpRequest.newBuilder(URI.create(base + "/logout"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf)))
            .build());
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET().build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
