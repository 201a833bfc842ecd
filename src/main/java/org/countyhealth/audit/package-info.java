/**
 * Append-only, hash-chained audit trail of every change and every read of a person's record;
 * verification and retention (000_65944b5c5b97f013.txt lines 1898–1899: ≥ 180 days, unmodifiable).
 * Depends on shared only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.countyhealth.audit;
