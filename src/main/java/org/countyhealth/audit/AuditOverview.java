package org.countyhealth.audit;

import java.time.Instant;

/** Figures of the audit trail for the auditor's home page. */
public interface AuditOverview {

  /** Events written since the instant, and how many of them were refused or failed. */
  Counts since(Instant since);

  record Counts(long events, long refused, long crossFacilityAccesses) {}
}
