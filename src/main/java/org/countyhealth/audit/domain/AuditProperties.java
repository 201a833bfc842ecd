package org.countyhealth.audit.domain;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit trail ({@code countyhealth.audit.*}). The retention can be longer than 180
 * days, never shorter (000_65944b5c5b97f013.txt line 1899: "保存时间不少于180天"): a smaller value stops
 * the application at startup.
 */
@ConfigurationProperties("countyhealth.audit")
public record AuditProperties(
    @DefaultValue("180") int retentionDays,
    @DefaultValue("false") boolean trustForwardedFor,
    @DefaultValue("false") boolean verifyAndExit,
    @DefaultValue("5000") int batchSize,
    @DefaultValue("Asia/Shanghai") ZoneId displayZone) {

  /** Legal minimum retention of audit records, in days. */
  public static final int MINIMUM_RETENTION_DAYS = 180;

  public AuditProperties {
    if (retentionDays < MINIMUM_RETENTION_DAYS) {
      throw new IllegalArgumentException(
          "countyhealth.audit.retention-days = "
              + retentionDays
              + " is refused: audit records must be kept at least 180 days (审计记录保存时间不少于180天)");
    }
    if (batchSize < 100 || batchSize > 100_000) {
      throw new IllegalArgumentException(
          "countyhealth.audit.batch-size must lie between 100 and 100000");
    }
  }
}
