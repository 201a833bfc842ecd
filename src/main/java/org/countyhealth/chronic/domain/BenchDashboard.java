package org.countyhealth.chronic.domain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The indicator page over HTTP for the chronic benchmark, signed in as the demo account {@code
 * chronic}: 100 requests one after another.
 */
final class BenchDashboard {

  private final String base;
  private final String password;

  BenchDashboard(String base, String password) {
    this.base = base;
    this.password = password;
  }

  /** p50 / p95 / p99 and, in brackets, the first request. */
  String measure() throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new java.net.CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String login =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
    if (!m.find()) {
      throw new IllegalStateException("no CSRF token on the login page");
    }
    String form =
        "username=chronic&password="
            + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
            + "&_csrf="
            + m.group(1);
    http.send(
        HttpRequest.newBuilder(URI.create(base + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    long[] times = new long[100];
    for (int i = 0; i < times.length; i++) {
      long a = System.nanoTime();
      var r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/chronic/indicators")).build(),
              HttpResponse.BodyHandlers.ofString());
      times[i] = System.nanoTime() - a;
      if (r.statusCode() != 200 || !r.body().contains("规范管理率")) {
        throw new IllegalStateException("dashboard answered " + r.statusCode());
      }
    }
    return BenchTable.percentiles(times) + " (" + BenchTable.ms(times[0]) + ")";
  }
}
