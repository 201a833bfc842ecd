package org.countyhealth.audit.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.countyhealth.audit.AuditCriteria;
import org.countyhealth.audit.AuditOverview;
import org.countyhealth.audit.AuditRecord;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** Counts over the indexed occurred_at column, for the auditor's home page. */
@Service
class AuditFigures implements AuditOverview {

  private final JdbcClient jdbc;
  private final AuditReads reads;

  AuditFigures(JdbcClient jdbc, AuditReads reads) {
    this.jdbc = jdbc;
    this.reads = reads;
  }

  @Override
  @PreAuthorize("hasAuthority('AUDIT_VIEW')")
  public Optional<AuditRecord> find(long id, DataScope scope) {
    return reads.find(id, scope);
  }

  @Override
  @PreAuthorize("hasAuthority('AUDIT_VIEW')")
  public Slice<AuditRecord> search(AuditCriteria criteria, DataScope scope, Window window) {
    return reads.search(criteria, scope, window);
  }

  @Override
  @PreAuthorize("hasAuthority('AUDIT_VIEW')")
  public Counts since(Instant since) {
    return jdbc.sql(
            "SELECT COUNT(*) AS events,"
                + " SUM(CASE WHEN result <> 'SUCCESS' THEN 1 ELSE 0 END) AS refused,"
                + " SUM(CASE WHEN action = 'CROSS_FACILITY_ACCESS' THEN 1 ELSE 0 END) AS cross"
                + " FROM audit.audit_event WHERE occurred_at >= ?")
        .param(LocalDateTime.ofInstant(since, ZoneOffset.UTC))
        .query(
            (rs, i) -> new Counts(rs.getLong("events"), rs.getLong("refused"), rs.getLong("cross")))
        .single();
  }
}
