package org.countyhealth.security.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.security.clients.SystemClientDirectory;
import org.countyhealth.security.clients.SystemClientDirectory.IssuedToken;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoint of the system clients (OAuth 2.0 client credentials, RFC 6749 §4.4): the
 * client id and secret as form parameters or HTTP Basic; the answer is an opaque bearer token that
 * lives five minutes. Errors are RFC 6749 §5.2 JSON ({@code invalid_client}…), as OAuth clients
 * expect.
 */
@RestController
class TokenController {

  static final String ISSUE = "SYSTEM_TOKEN_ISSUE";

  private final SystemClientDirectory directory;
  private final AuditTrail audit;

  TokenController(SystemClientDirectory directory, AuditTrail audit) {
    this.directory = directory;
    this.audit = audit;
  }

  @PostMapping(
      path = "/oauth/token",
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> token(
      @RequestParam(name = "grant_type", required = false) String grantType,
      @RequestParam(name = "client_id", required = false) String clientId,
      @RequestParam(name = "client_secret", required = false) String clientSecret,
      HttpServletRequest request) {
    String[] basic = basic(request.getHeader("Authorization"));
    String id = basic != null ? basic[0] : clientId;
    String secret = basic != null ? basic[1] : clientSecret;
    audit.describe(ISSUE, "SystemClient", id == null ? null : "client:" + id.strip());
    if (!"client_credentials".equals(grantType)) {
      return error(
          HttpStatus.BAD_REQUEST, "unsupported_grant_type", "grant_type 须为 client_credentials");
    }
    if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
      return error(HttpStatus.BAD_REQUEST, "invalid_request", "缺少 client_id 或 client_secret");
    }
    Optional<IssuedToken> token = directory.issue(id, secret);
    if (token.isEmpty()) {
      return error(HttpStatus.UNAUTHORIZED, "invalid_client", "客户端标识或密钥错误，或该客户端已被吊销");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", token.get().value());
    body.put("token_type", "Bearer");
    body.put("expires_in", token.get().expiresInSeconds());
    body.put(
        "scope",
        token.get().privileges().stream()
            .map(Enum::name)
            .sorted()
            .collect(Collectors.joining(" ")));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
  }

  private static ResponseEntity<Map<String, Object>> error(
      HttpStatus status, String error, String description) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    ResponseEntity.BodyBuilder builder =
        ResponseEntity.status(status).cacheControl(CacheControl.noStore());
    if (status == HttpStatus.UNAUTHORIZED) {
      builder.header("WWW-Authenticate", "Basic realm=\"countyhealth\"");
    }
    return builder.body(body);
  }

  private static String[] basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
