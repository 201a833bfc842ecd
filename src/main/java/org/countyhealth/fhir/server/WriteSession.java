package org.countyhealth.fhir.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.audit.AuditTrail.Audited;
import org.hl7.fhir.r4.model.IdType;

/**
 * The writes of one request: a single create, a whole transaction, or one entry of a batch. Writers
 * defer work that needs every entry (e.g. an Encounter and the Observations that point to it become
 * one chronic follow-up) and the caller completes the session before committing. Deferred work is
 * keyed, so registering the same key twice runs it once. The writes are audited together when the
 * session completes, in the request's transaction: one append to the audit chain per request, not
 * one per resource, committed with the writes or not at all.
 */
final class WriteSession {

  private final AuditTrail auditTrail;
  private final List<Audited> audited = new ArrayList<>();
  private final Map<String, Runnable> deferred = new LinkedHashMap<>();
  private final Map<String, Object> attributes = new LinkedHashMap<>();
  private final Set<String> heldAlready = new HashSet<>();
  private Integer entry;

  WriteSession(AuditTrail auditTrail) {
    this.auditTrail = auditTrail;
  }

  /** Audits a write of a resident's data ({@code FHIR_*_CREATE}) when the session completes. */
  void audit(String action, long residentId) {
    audited.add(new Audited(action, "Resident", String.valueOf(residentId), AuditResult.SUCCESS));
  }

  /**
   * The transaction entry being written ({@code null} outside one), so that work deferred to the
   * completion can be refused at the entry that caused it. A single create has no entry; a batch
   * entry is a session of its own, located as a whole by its caller.
   */
  void writing(Integer index) {
    entry = index;
  }

  /** The transaction entry being written, or {@code null}. */
  Integer entry() {
    return entry;
  }

  /** Runs {@code work} when the session completes, once per key, in registration order. */
  void defer(String key, Runnable work) {
    deferred.putIfAbsent(key, work);
  }

  /** Per-request state shared between writers (e.g. observations collected per encounter). */
  @SuppressWarnings("unchecked")
  <V> V attribute(String key, java.util.function.Supplier<V> initial) {
    return (V) attributes.computeIfAbsent(key, k -> initial.get());
  }

  /**
   * A writer that found the resource already held (the resident index's certain match) says so: the
   * answer is 200 with the existing id, not 201.
   */
  void heldAlready(IdType id) {
    heldAlready.add(id.toUnqualifiedVersionless().getValue());
  }

  /** False when the writer answered an existing resource for {@code id}. */
  boolean created(IdType id) {
    return !heldAlready.contains(id.toUnqualifiedVersionless().getValue());
  }

  /**
   * Runs the deferred work, then audits every write; an exception propagates so the caller rolls
   * the request back. The caller commits right after: the audit chain's head stays locked until
   * then.
   */
  void complete() {
    List<Runnable> work = new ArrayList<>(deferred.values());
    deferred.clear();
    work.forEach(Runnable::run);
    auditTrail.recordWithChanges(List.copyOf(audited));
    audited.clear();
  }
}
