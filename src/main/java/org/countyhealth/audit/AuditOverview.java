package org.countyhealth.audit;

import java.time.Instant;
import java.util.Optional;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;

/** Figures and reads of the audit trail for auditors (home page, FHIR AuditEvent). */
public interface AuditOverview {

  /** Events written since the instant, and how many of them were refused or failed. */
  Counts since(Instant since);

  /** One event written at a facility of the scope (any, for the whole consortium). */
  Optional<AuditRecord> find(long id, DataScope scope);

  /**
   * Events written at facilities of the scope matching the criteria, newest first: one window and
   * the number of all.
   */
  Slice<AuditRecord> search(AuditCriteria criteria, DataScope scope, Window window);

  record Counts(long events, long refused, long crossFacilityAccesses) {}
}
