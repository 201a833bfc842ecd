package org.countyhealth.referral.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in over HTTP as the demo account {@code referral}, the referral office's clerk. 200
 * sign-ins from one address need the bench options {@code
 * countyhealth.security.login-rate.max-attempts} and {@code .sessions.per-account} raised.
 */
final class OfficeSignIn {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final String base;
  private final String password;

  OfficeSignIn(String base, String password) {
    this.base = base;
    this.password = password;
  }

  /** Signs in on a client with a cookie jar, which keeps the session. */
  void signIn(HttpClient client) throws Exception {
    submit(client, false);
  }

  /**
   * Signs in on a client without a cookie jar and answers the session cookie to send with every
   * later request.
   */
  String sessionCookie(HttpClient client) throws Exception {
    return session(submit(client, true));
  }

  private HttpResponse<String> submit(HttpClient client, boolean carryCookie) throws Exception {
    HttpResponse<String> page =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String body =
        "username=referral&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    HttpRequest.Builder post =
        HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded");
    if (carryCookie) {
      post.header("Cookie", session(page));
    }
    HttpResponse<String> r =
        client.send(
            post.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    String to = r.headers().firstValue("Location").orElse("");
    if (r.statusCode() != 302 || to.contains("error")) {
      throw new IllegalStateException("login failed: " + r.statusCode() + " " + to);
    }
    return r;
  }

  private static String session(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no session cookie"));
  }
}
