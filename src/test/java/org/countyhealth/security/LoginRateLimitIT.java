package org.countyhealth.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.countyhealth.IntegrationTest;
import org.countyhealth.LoopbackLogins;
import org.countyhealth.MovableClock;
import org.countyhealth.security.config.SecuritySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * At most 10 (configurable) login attempts per client address per minute (000_65944b5c5b97f013.txt
 * line 1894).
 */
@IntegrationTest
class LoginRateLimitIT {

  @Autowired MockMvc mvc;
  @Autowired MovableClock clock;
  @Autowired SecuritySettings settings;
  @LocalServerPort int port;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void theEleventhAttemptInAMinuteGets429() throws Exception {
    RequestPostProcessor address = SecurityTestSupport.freshAddress();
    int limit = settings.loginRate().maxAttempts();
    assertThat(limit).as("the configured limit (10 by default)").isPositive();
    for (int i = 1; i <= limit; i++) {
      mvc.perform(SecurityTestSupport.loginRequest("someone", "Wrong#password" + i).with(address))
          .andExpect(status().is3xxRedirection());
    }
    mvc.perform(SecurityTestSupport.loginRequest("someone", "Wrong#password11").with(address))
        .andExpect(status().isTooManyRequests());
    mvc.perform(
            SecurityTestSupport.loginRequest("someone", "Wrong#password12")
                .with(address)
                .accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isTooManyRequests())
        .andExpect(jsonPath("$.code").value("LOGIN_RATE_LIMITED"));
    // Another address is not affected; the same one may try again once the minute has passed.
    mvc.perform(
            SecurityTestSupport.loginRequest("someone", "Wrong#password")
                .with(SecurityTestSupport.freshAddress()))
        .andExpect(status().is3xxRedirection());
    clock.advance(Duration.ofSeconds(61));
    mvc.perform(SecurityTestSupport.loginRequest("someone", "Wrong#password13").with(address))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void overHttpTheRefusalIsAChinesePage() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest attempt =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString("username=someone&password=x"))
            .build();
    int limit = settings.loginRate().maxAttempts();
    HttpResponse<String> last = null;
    LoopbackLogins.free();
    try {
      for (int i = 0; i <= limit; i++) {
        last = client.send(attempt, HttpResponse.BodyHandlers.ofString());
        if (i < limit) {
          assertThat(last.statusCode()).isNotEqualTo(429);
        }
      }
    } finally {
      // Leave the loopback address free for whatever logs in over HTTP next.
      LoopbackLogins.free();
    }
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
    assertThat(last.headers().firstValue("Content-Type").orElse("")).contains("text/html");
    assertThat(last.body()).contains("登录尝试过于频繁，请稍后再试");
  }
}
