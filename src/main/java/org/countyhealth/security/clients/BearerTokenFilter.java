package org.countyhealth.security.clients;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.shared.Actor;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer …} on the FHIR interface and the import API: the system client's
 * actor for this request only (nothing goes into a session, so CSRF does not apply). A bad or
 * expired token is a 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}. Every FHIR
 * call of a client is audited here (the FHIR servlet is outside Spring MVC); the import API is
 * audited by the MVC interceptor like the pages.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

  static final String CALL = "FHIR_CLIENT_CALL";

  /** SessionManagementFilter's marker (its FILTER_APPLIED constant is private). */
  static final String SESSION_MANAGEMENT_APPLIED = "__spring_security_session_mgmt_filter_applied";

  private final SystemClientDirectory directory;
  private final AuditTrail audit;

  public BearerTokenFilter(SystemClientDirectory directory, AuditTrail audit) {
    this.directory = directory;
    this.audit = audit;
  }

  /** A request that carries a bearer token (and so no CSRF token). */
  public static boolean carriesBearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!carriesBearer(request)) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean fhir = path.equals("/fhir") || path.startsWith("/fhir/");
    if (!fhir && !path.startsWith("/api/v1/fhir-imports")) {
      refuse(request, response, false, "访问令牌只能用于 FHIR 接口和导入接口");
      return;
    }
    Optional<Actor> actor =
        directory.actorOf(request.getHeader("Authorization").substring(7).strip());
    if (actor.isEmpty()) {
      refuse(request, response, fhir, "访问令牌无效或已过期，请重新获取");
      return;
    }
    // No session for a bearer request: the session-management filter would otherwise treat each
    // call as a new login, create a session and apply the per-account session cap (the third call
    // of a client was refused with 401). Its own "already applied" marker makes it skip.
    request.setAttribute(SESSION_MANAGEMENT_APPLIED, Boolean.TRUE);
    ClientPrincipal principal = new ClientPrincipal(actor.get());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            principal, null, principal.authorities()));
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      if (fhir) {
        int status = response.getStatus();
        audit.record(
            CALL,
            "SystemClient",
            actor.get().username(),
            status >= 500
                ? AuditResult.FAILED
                : status >= 400 ? AuditResult.REFUSED : AuditResult.SUCCESS);
      }
      SecurityContextHolder.clearContext();
    }
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, boolean fhir, String message)
      throws IOException {
    audit.record("FHIR_CLIENT_TOKEN_REJECTED", "SystemClient", null, AuditResult.REFUSED);
    response.setStatus(401);
    response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (fhir) {
      response.setContentType("application/fhir+json");
      response
          .getWriter()
          .write(
              "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                  + "\"code\":\"login\",\"diagnostics\":\""
                  + message
                  + "\",\"expression\":[\"Authorization\"]}]}");
    } else {
      response.setContentType("application/problem+json");
      response
          .getWriter()
          .write(
              "{\"type\":\"urn:countyhealth:error:TOKEN_INVALID\",\"title\":\"Unauthorized\","
                  + "\"status\":401,\"detail\":\""
                  + message
                  + "\",\"code\":\"TOKEN_INVALID\"}");
    }
  }
}
