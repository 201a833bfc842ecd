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
 * {@code Authorization: Bearer …} on the FHIR interface and the import API, in the stateless bearer
 * chain (SecurityConfig): the system client's actor for this request only. A bad or expired token
 * is a 401 with {@code WWW-Authenticate: Bearer error="invalid_token"}. Every FHIR call of a client
 * is audited here (the FHIR servlet is outside Spring MVC); the import API is audited by the MVC
 * interceptor like the pages.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

  static final String CALL = "FHIR_CLIENT_CALL";

  private final SystemTokens tokens;
  private final AuditTrail audit;

  public BearerTokenFilter(SystemTokens tokens, AuditTrail audit) {
    this.tokens = tokens;
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
      refuse(request, response, "访问令牌只能用于 FHIR 接口和导入接口");
      return;
    }
    Optional<Actor> actor = tokens.actorOf(request.getHeader("Authorization").substring(7).strip());
    if (actor.isEmpty()) {
      refuse(request, response, "访问令牌无效或已过期，请重新获取");
      return;
    }
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

  private void refuse(HttpServletRequest request, HttpServletResponse response, String message)
      throws IOException {
    audit.record("FHIR_CLIENT_TOKEN_REJECTED", "SystemClient", null, AuditResult.REFUSED);
    unauthorized(request, response, message);
  }

  /** 401 for a bearer request: an OperationOutcome on /fhir, problem details elsewhere. */
  public static void unauthorized(
      HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
    write(
        request,
        response,
        401,
        "Bearer error=\"invalid_token\"",
        "login",
        "TOKEN_INVALID",
        message);
  }

  /** 403 for a bearer request whose client lacks the privilege. */
  public static void forbidden(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    write(
        request,
        response,
        403,
        "Bearer error=\"insufficient_scope\"",
        "forbidden",
        "ACCESS_DENIED",
        "该系统客户端没有执行此操作的权限");
  }

  private static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      int status,
      String challenge,
      String issueCode,
      String code,
      String message)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean fhir = path.equals("/fhir") || path.startsWith("/fhir/");
    response.setStatus(status);
    response.setHeader("WWW-Authenticate", challenge);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (fhir) {
      response.setContentType("application/fhir+json");
      response
          .getWriter()
          .write(
              "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\","
                  + "\"code\":\""
                  + issueCode
                  + "\",\"diagnostics\":\""
                  + message
                  + "\",\"expression\":[\"Authorization\"]}]}");
    } else {
      response.setContentType("application/problem+json");
      response
          .getWriter()
          .write(
              "{\"type\":\"urn:countyhealth:error:"
                  + code
                  + "\",\"title\":\""
                  + (status == 401 ? "Unauthorized" : "Forbidden")
                  + "\",\"status\":"
                  + status
                  + ",\"detail\":\""
                  + message
                  + "\",\"code\":\""
                  + code
                  + "\"}");
    }
  }
}
