package org.countyhealth.security.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.security.clients.SystemTokens;
import org.countyhealth.security.clients.SystemTokens.IssuedToken;
import org.countyhealth.security.clients.SystemTokens.TokenRefused;
import org.countyhealth.security.rules.ClientAssertion;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token endpoint of the system clients (OAuth 2.0 client credentials, RFC 6749 §4.4). The
 * client authenticates with its secret (form parameters or HTTP Basic) or, SMART Backend Services
 * style, with a JWT signed by its registered key ({@code client_assertion}, RFC 7523 §2.2). The
 * answer is an opaque bearer token that lives five minutes. Errors are RFC 6749 §5.2 JSON ({@code
 * invalid_client}…) with a Chinese {@code error_description}, as OAuth clients expect; neither the
 * secret nor the assertion is ever logged.
 */
@RestController
class TokenController {

  static final String ISSUE = "SYSTEM_TOKEN_ISSUE";
  static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

  private final SystemTokens tokens;
  private final TokenEndpoint endpoint;
  private final AuditTrail audit;

  TokenController(SystemTokens tokens, TokenEndpoint endpoint, AuditTrail audit) {
    this.tokens = tokens;
    this.endpoint = endpoint;
    this.audit = audit;
  }

  @PostMapping(
      path = TokenEndpoint.PATH,
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> token(
      @RequestParam(name = "grant_type", required = false) String grantType,
      @RequestParam(name = "client_id", required = false) String clientId,
      @RequestParam(name = "client_secret", required = false) String clientSecret,
      @RequestParam(name = "client_assertion_type", required = false) String assertionType,
      @RequestParam(name = "client_assertion", required = false) String assertion,
      @RequestParam(name = "scope", required = false) String scope,
      HttpServletRequest request) {
    String[] basic = basic(request.getHeader("Authorization"));
    boolean jwt = assertion != null || assertionType != null;
    String id = basic != null ? basic[0] : jwt && clientId == null ? claimed(assertion) : clientId;
    String secret = basic != null ? basic[1] : clientSecret;
    audit.describe(ISSUE, "SystemClient", id == null ? null : "client:" + id.strip());
    if (!"client_credentials".equals(grantType)) {
      return error(
          HttpStatus.BAD_REQUEST,
          "unsupported_grant_type",
          "grant_type 须为 client_credentials",
          false);
    }
    try {
      IssuedToken token =
          jwt
              ? byAssertion(assertionType, assertion, clientId, secret, scope, request)
              : bySecret(id, secret, scope);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("access_token", token.value());
      body.put("token_type", "Bearer");
      body.put("expires_in", token.expiresInSeconds());
      body.put("scope", token.scope());
      return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    } catch (ClientAssertion.Rejected e) {
      return error(HttpStatus.UNAUTHORIZED, "invalid_client", e.getMessage(), false);
    } catch (TokenRefused e) {
      boolean client = "invalid_client".equals(e.error());
      return error(
          client ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST,
          e.error(),
          e.getMessage(),
          client && !jwt);
    }
  }

  private IssuedToken bySecret(String id, String secret, String scope) {
    if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
      throw new TokenRefused("invalid_request", "缺少 client_id 或 client_secret（或 client_assertion）");
    }
    return tokens.issue(id, secret, scope);
  }

  private IssuedToken byAssertion(
      String type,
      String assertion,
      String clientId,
      String secret,
      String scope,
      HttpServletRequest request) {
    // RFC 6749 §2.3: a client uses one authentication method per request.
    if (secret != null) {
      throw new TokenRefused(
          "invalid_request", "client_assertion 不能与 client_secret 或 HTTP Basic 同时使用");
    }
    if (!JWT_BEARER.equals(type)) {
      throw new TokenRefused("invalid_request", "client_assertion_type 须为 " + JWT_BEARER);
    }
    if (assertion == null || assertion.isBlank()) {
      throw new TokenRefused("invalid_request", "缺少 client_assertion");
    }
    if (clientId != null && !clientId.strip().equals(claimed(assertion))) {
      throw new TokenRefused("invalid_client", "client_id 与 JWT 的 iss 不一致");
    }
    return tokens.issueForAssertion(assertion, endpoint.tokenUrl(request), scope);
  }

  /** The client an assertion claims to be (unverified: for the audit event's object only). */
  private static String claimed(String assertion) {
    try {
      return ClientAssertion.parse(assertion).issuer();
    } catch (ClientAssertion.Rejected e) {
      return null;
    }
  }

  private static ResponseEntity<Map<String, Object>> error(
      HttpStatus status, String error, String description, boolean basicChallenge) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", description);
    ResponseEntity.BodyBuilder builder =
        ResponseEntity.status(status).cacheControl(CacheControl.noStore());
    if (basicChallenge) {
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
