package org.countyhealth.security.web;

import jakarta.servlet.http.HttpServletRequest;
import org.countyhealth.security.OAuthEndpoints;
import org.countyhealth.security.config.SecuritySettings;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The token endpoint's absolute URL: what a client assertion's {@code aud} must be and what the
 * SMART configuration publishes. Configured ({@code countyhealth.security.clients.token-url})
 * behind a proxy; otherwise this server's URL as the request shows it.
 */
@Component
class TokenEndpoint implements OAuthEndpoints {

  static final String PATH = "/oauth/token";

  private final String configured;

  TokenEndpoint(SecuritySettings settings) {
    this.configured = settings.clients().tokenUrl().strip();
  }

  @Override
  public String tokenUrl(HttpServletRequest request) {
    return configured.isEmpty()
        ? ServletUriComponentsBuilder.fromContextPath(request).path(PATH).build().toUriString()
        : configured;
  }

  @Override
  public String authorizeUrl(HttpServletRequest request) {
    // Behind a proxy the configured token URL says where /oauth/* is published.
    return java.net.URI.create(tokenUrl(request)).resolve("authorize").toString();
  }
}
