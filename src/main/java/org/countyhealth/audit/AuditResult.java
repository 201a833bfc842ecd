package org.countyhealth.audit;

/** Outcome of an audited action. */
public enum AuditResult {
  SUCCESS,
  REFUSED,
  FAILED
}
