package org.countyhealth.audit.rules;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The content of one audit event as the hash chain sees it. The time is truncated to microseconds,
 * the precision both databases store, so that a row read back hashes exactly as it was written.
 */
public record AuditEntry(
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
    String correlationId) {

  public AuditEntry {
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(result, "result");
    occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
  }

  /** The same content under the id the writer assigned. */
  public AuditEntry withId(long newId) {
    return new AuditEntry(
        newId,
        occurredAt,
        actorUsername,
        actorAccountId,
        facilityCode,
        action,
        objectType,
        objectId,
        result,
        httpMethod,
        path,
        statusCode,
        clientAddress,
        correlationId);
  }
}
