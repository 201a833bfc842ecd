package org.countyhealth.security.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.countyhealth.security.rules.SmartScopes;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SMART configuration (SMART App Launch 2.x, "Conformance": {@code
 * .well-known/smart-configuration}) for backend services: where the token endpoint is and how a
 * client authenticates there. Public, like any OAuth discovery document; it names no client and no
 * key.
 */
@RestController
class SmartConfigurationController {

  private final TokenEndpoint endpoint;

  SmartConfigurationController(TokenEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @GetMapping(
      path = "/.well-known/smart-configuration",
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> configuration(HttpServletRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token_endpoint", endpoint.tokenUrl(request));
    body.put(
        "token_endpoint_auth_methods_supported",
        List.of("private_key_jwt", "client_secret_basic", "client_secret_post"));
    body.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS384", "ES384"));
    body.put("grant_types_supported", List.of("client_credentials"));
    body.put("scopes_supported", SmartScopes.SUPPORTED);
    body.put(
        "capabilities",
        List.of(
            "client-confidential-asymmetric",
            "client-confidential-symmetric",
            "permission-v1",
            "permission-v2"));
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofHours(1))).body(body);
  }
}
