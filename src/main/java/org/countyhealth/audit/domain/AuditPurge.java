package org.countyhealth.audit.domain;

import java.time.Duration;
import java.time.Instant;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.shared.BusinessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Retention: once a day, deletes audit rows older than the configured retention (never less than
 * 180 days, 000_65944b5c5b97f013.txt line 1899) and keeps the hash of the last deleted row as the
 * anchor from which the remaining chain verifies. A broken chain is not purged: deleting would hide
 * the evidence.
 */
@Service
public class AuditPurge {

  private static final Logger log = LoggerFactory.getLogger(AuditPurge.class);

  private final AuditLog auditLog;
  private final AuditVerification verification;
  private final AuditTrail trail;
  private final AuditProperties properties;

  AuditPurge(
      AuditLog auditLog,
      AuditVerification verification,
      AuditTrail trail,
      AuditProperties properties) {
    this.auditLog = auditLog;
    this.verification = verification;
    this.trail = trail;
    this.properties = properties;
  }

  @Scheduled(cron = "${countyhealth.audit.purge-cron:0 30 3 * * *}")
  public void daily() {
    try {
      purge(Instant.now(), properties.retentionDays());
    } catch (RuntimeException e) {
      log.error("Audit purge failed", e);
    }
  }

  /**
   * Deletes rows older than {@code retentionDays} before {@code now}; refuses a retention shorter
   * than 180 days. Returns the number of rows deleted.
   */
  public long purge(Instant now, int retentionDays) {
    if (retentionDays < AuditProperties.MINIMUM_RETENTION_DAYS) {
      throw new BusinessException(
          "AUDIT_RETENTION_TOO_SHORT", "审计记录至少保存 180 天，不能删除更近的记录", "retentionDays");
    }
    AuditVerification.Report report = verification.verify();
    if (!report.ok()) {
      trail.record("AUDIT_PURGE", "AuditEvent", null, AuditResult.FAILED);
      throw new BusinessException("AUDIT_CHAIN_BROKEN", "审计链校验未通过，已停止清理：" + report.message());
    }
    // One hour of margin: the database trigger judges age by its own clock, which may run a little
    // behind ours; a purge must never touch the boundary it refuses.
    Instant cutoff = now.minus(Duration.ofDays(retentionDays)).minus(Duration.ofHours(1));
    long deleted = auditLog.purgeBefore(cutoff, now);
    trail.record("AUDIT_PURGE", "AuditEvent", deleted + " rows", AuditResult.SUCCESS);
    log.info("Audit purge deleted {} rows older than {}", deleted, cutoff);
    return deleted;
  }
}
