package org.countyhealth.security.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.countyhealth.security.rules.SlidingWindowLimit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rate-limits login attempts per client address (000_65944b5c5b97f013.txt line 1894): over the
 * limit, HTTP 429 with a Chinese page, or problem details for API clients. Runs before CSRF and
 * authentication so that every attempt counts and a refused one costs no hashing.
 */
class LoginRateFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(LoginRateFilter.class);
  static final String MESSAGE = "登录尝试过于频繁，请稍后再试";

  private final SlidingWindowLimit limit;
  private final Clock clock;
  private final String page;

  LoginRateFilter(SlidingWindowLimit limit, Clock clock) {
    this.limit = limit;
    this.clock = clock;
    try (InputStream in = LoginRateFilter.class.getResourceAsStream("too-many-requests.html")) {
      this.page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !("POST".equals(request.getMethod())
        && request.getRequestURI().equals(request.getContextPath() + "/login"));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = request.getRemoteAddr();
    if (limit.tryAcquire(address, clock.instant())) {
      chain.doFilter(request, response);
      return;
    }
    Duration retry = limit.retryAfter(address, clock.instant());
    log.warn("Login attempts from {} over the rate limit", address);
    response.setHeader("Retry-After", Long.toString(Math.max(1, retry.toSeconds())));
    if (Problems.isApi(request)) {
      Problems.write(
          request, response, HttpStatus.TOO_MANY_REQUESTS, "LOGIN_RATE_LIMITED", MESSAGE);
      return;
    }
    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            page.replace("{{ctx}}", request.getContextPath())
                .replace("{{seconds}}", Long.toString(Math.max(1, retry.toSeconds()))));
  }
}
