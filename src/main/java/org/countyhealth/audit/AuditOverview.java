package org.countyhealth.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.countyhealth.shared.DataScope;

/** Figures and reads of the audit trail for auditors (home page, FHIR AuditEvent). */
public interface AuditOverview {

  /** Events written since the instant, and how many of them were refused or failed. */
  Counts since(Instant since);

  /** One event written at a facility of the scope (any, for the whole consortium). */
  Optional<AuditRecord> find(long id, DataScope scope);

  /** Events written at facilities of the scope matching the criteria, newest first. */
  List<AuditRecord> search(AuditCriteria criteria, DataScope scope, int limit);

  record Counts(long events, long refused, long crossFacilityAccesses) {}
}
