package org.countyhealth.audit.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.countyhealth.audit.domain.AuditRecorder;
import org.countyhealth.shared.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes the one audit event of a request when it completes: every state-changing request, and a
 * read only when its controller described it (that is how reads of a person's record are audited)
 * or when it was refused.
 */
@Component
class AuditInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(AuditInterceptor.class);
  private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final AuditRecorder recorder;

  AuditInterceptor(AuditRecorder recorder) {
    this.recorder = recorder;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (request.getDispatcherType() != DispatcherType.REQUEST) {
      return;
    }
    String method = request.getMethod();
    int status = response.getStatus();
    // A refused read (no privilege) is audited too: attempts matter to an auditor.
    boolean audited =
        CHANGING.contains(method)
            || request.getAttribute(AuditRecorder.DESCRIPTION) != null
            || status == 401
            || status == 403;
    if (!audited) {
      return;
    }
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String path = AuditRecorder.pathOf(request);
    String derived = method + " " + (pattern != null ? pattern : path);
    try {
      recorder.recordRequest(
          request, new AuditRecorder.RequestFacts(method, path, derived, status, ex != null));
    } catch (RuntimeException e) {
      // Never silently lost: the operator can match the correlation id with the access log.
      // Only the method and the route pattern are logged, never the path values or the actor.
      log.error(
          "AUDIT EVENT NOT WRITTEN [{}] {} {} status {}: {}",
          CorrelationId.of(request),
          method,
          pattern,
          status,
          e.getClass().getSimpleName());
    }
  }
}
