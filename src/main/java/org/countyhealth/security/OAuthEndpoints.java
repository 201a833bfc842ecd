package org.countyhealth.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a system client gets its token (SMART Backend Services, docs/adr/0007): the URL that {@code
 * /.well-known/smart-configuration} publishes, that a client assertion's {@code aud} must be, and
 * that the FHIR CapabilityStatement names in its SMART {@code oauth-uris} extension.
 */
public interface OAuthEndpoints {

  /**
   * The token endpoint's absolute URL: the configured {@code
   * countyhealth.security.clients.token-url} (behind a proxy), otherwise this server's as {@code
   * request} shows it.
   */
  String tokenUrl(HttpServletRequest request);

  /**
   * The authorization endpoint's absolute URL, beside the token endpoint ({@code authorize}
   * resolved against {@link #tokenUrl}). It launches no apps: it answers every request with the
   * reason.
   */
  String authorizeUrl(HttpServletRequest request);
}
