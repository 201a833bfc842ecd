package org.countyhealth.audit;

import java.util.List;

/**
 * How modules write to the audit trail. Within a web request the trail writes exactly one event
 * when the request completes: modules only {@link #describe} what the request did. Outside a
 * request (jobs, login events) {@link #record} writes at once.
 */
public interface AuditTrail {

  /**
   * Names the action and object of the current request, e.g. {@code describe("FACILITY_CREATE",
   * "Facility", code)}. A GET request is audited only when described: that is how reads of a
   * person's record are audited.
   */
  void describe(String action, String objectType, String objectId);

  /** Writes one event now; actor, facility, client address and correlation id are filled in. */
  void record(String action, String objectType, String objectId, AuditResult result);

  /**
   * Writes several events now, as one append to the chain: the resources of one FHIR bundle, the
   * patients of one search page. Each is filled in as by {@link #record}.
   */
  void recordAll(List<Audited> events);

  /**
   * Writes events that describe the changes of the caller's transaction, in that transaction, as
   * its last step: they commit with the changes or roll back with them (a refused FHIR bundle
   * leaves no "created" event). Needs an active transaction.
   */
  void recordWithChanges(List<Audited> events);

  /** One event of {@link #recordAll}. */
  record Audited(String action, String objectType, String objectId, AuditResult result) {}
}
