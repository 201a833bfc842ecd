package org.countyhealth.audit;

import java.time.Instant;

/** Filters of an audit read; null means any. Times are half-open [from, to). */
public record AuditCriteria(
    String objectType, String objectId, String actorUsername, Instant from, Instant to) {}
