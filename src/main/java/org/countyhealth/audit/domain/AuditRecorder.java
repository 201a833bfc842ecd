package org.countyhealth.audit.domain;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.audit.rules.AuditEntry;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.web.CorrelationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail every module writes to. Inside a web request {@link #describe} only notes what
 * the request did and the web layer writes the one event when the request completes; {@link
 * #record} writes at once.
 */
@Service
public class AuditRecorder implements AuditTrail {

  /** Request attribute holding the {@link Description} of the current request. */
  public static final String DESCRIPTION = AuditRecorder.class.getName() + ".description";

  private static final Logger log = LoggerFactory.getLogger(AuditRecorder.class);

  /** What a controller said the current request did. */
  public record Description(String action, String objectType, String objectId) {}

  /** The request facts the web layer hands over when a request completes. */
  public record RequestFacts(
      String method, String path, String derivedAction, int status, boolean failed) {}

  private final AuditLog auditLog;
  private final CurrentActor currentActor;
  private final AuditProperties properties;

  AuditRecorder(AuditLog auditLog, CurrentActor currentActor, AuditProperties properties) {
    this.auditLog = auditLog;
    this.currentActor = currentActor;
    this.properties = properties;
  }

  @Override
  public void describe(String action, String objectType, String objectId) {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes == null) {
      // Seed data and jobs reach the services outside a request; jobs audit with record().
      log.debug("describe({}) called outside a web request: nothing is audited", action);
      return;
    }
    attributes.setAttribute(
        DESCRIPTION,
        new Description(action, objectType, objectId),
        RequestAttributes.SCOPE_REQUEST);
  }

  @Override
  public void record(String action, String objectType, String objectId, AuditResult result) {
    recordAll(List.of(new Audited(action, objectType, objectId, result)));
  }

  @Override
  public void recordAll(List<Audited> events) {
    append(events, auditLog::appendAll);
  }

  @Override
  public void recordWithChanges(List<Audited> events) {
    append(events, auditLog::appendWithCaller);
  }

  private void append(List<Audited> events, Consumer<List<AuditEntry>> chain) {
    if (events.isEmpty()) {
      return;
    }
    HttpServletRequest request =
        RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes s
            ? s.getRequest()
            : null;
    Optional<Actor> actor = currentActor.get();
    String correlationId = request != null ? CorrelationId.of(request) : CorrelationId.current();
    Instant now = Instant.now();
    List<AuditEntry> entries = new ArrayList<>(events.size());
    for (Audited event : events) {
      entries.add(
          new AuditEntry(
              0,
              now,
              actor.map(Actor::username).orElseGet(AuditRecorder::authenticatedName),
              actor.map(Actor::accountId).orElse(null),
              actor.map(Actor::facilityCode).orElse(null),
              event.action(),
              event.objectType(),
              event.objectId(),
              event.result().name(),
              request != null ? request.getMethod() : null,
              request != null ? pathOf(request) : null,
              null,
              request != null ? clientAddress(request) : null,
              correlationId));
    }
    try {
      chain.accept(entries);
    } catch (RuntimeException e) {
      // Never silently lost; the action names are logged, never the actor or the object.
      log.error(
          "AUDIT EVENTS NOT WRITTEN [{}] {}",
          correlationId,
          events.stream().map(Audited::action).distinct().toList());
      throw e;
    }
  }

  /** Writes the one event of a completed request, as described or derived from the request. */
  public void recordRequest(HttpServletRequest request, RequestFacts facts) {
    Description d =
        request.getAttribute(DESCRIPTION) instanceof Description described
            ? described
            : new Description(facts.derivedAction(), null, null);
    Optional<Actor> actor = currentActor.get();
    auditLog.append(
        new AuditEntry(
            0,
            Instant.now(),
            actor.map(Actor::username).orElseGet(AuditRecorder::authenticatedName),
            actor.map(Actor::accountId).orElse(null),
            actor.map(Actor::facilityCode).orElse(null),
            truncate(d.action(), 120),
            truncate(d.objectType(), 64),
            truncate(d.objectId(), 128),
            resultOf(facts.status(), facts.failed()).name(),
            facts.method(),
            truncate(facts.path(), 512),
            facts.status(),
            clientAddress(request),
            CorrelationId.of(request)));
  }

  /**
   * A caller authenticated without an account actor (e.g. a system client) is still named; an
   * anonymous visitor is not.
   */
  private static String authenticatedName() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)
        ? truncate(auth.getName(), 64)
        : null;
  }

  static AuditResult resultOf(int status, boolean failed) {
    if (status >= 500 || (failed && status < 400)) {
      return AuditResult.FAILED;
    }
    return status >= 400 ? AuditResult.REFUSED : AuditResult.SUCCESS;
  }

  /** The request path without query string: queries may carry personal data. */
  public static String pathOf(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length())
        : uri;
  }

  String clientAddress(HttpServletRequest request) {
    if (properties.trustForwardedFor()) {
      String forwarded = request.getHeader("X-Forwarded-For");
      if (forwarded != null && !forwarded.isBlank()) {
        return truncate(forwarded.split(",")[0].strip(), 64);
      }
    }
    return truncate(request.getRemoteAddr(), 64);
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
