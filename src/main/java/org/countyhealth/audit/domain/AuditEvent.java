package org.countyhealth.audit.domain;

import java.time.Instant;

/** One audit event as the search page and API show it. */
public record AuditEvent(
    long id,
    Instant occurredAt,
    String actorUsername,
    Long actorAccountId,
    String facilityCode,
    String action,
    String objectType,
    String objectId,
    String result,
    String httpMethod,
    String path,
    Integer statusCode,
    String clientAddress,
    String correlationId) {}
