package org.countyhealth.audit;

import java.time.Instant;

/** One audit event as other modules may read it (the FHIR AuditEvent); result is an AuditResult. */
public record AuditRecord(
    long id,
    Instant occurredAt,
    String actorUsername,
    String facilityCode,
    String action,
    String objectType,
    String objectId,
    AuditResult result,
    String httpMethod,
    String path,
    String clientAddress) {}
