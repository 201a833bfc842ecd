package org.countyhealth.audit.domain;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.countyhealth.audit.rules.AuditEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Searches the audit trail, newest first. Paging looks one row ahead instead of counting, so that a
 * page stays fast over millions of rows.
 */
@Service
public class AuditSearch {

  /** A page of events and whether an older page exists. */
  public record Page(List<AuditEvent> events, int page, int size, boolean hasNext) {}

  private final JdbcClient jdbc;

  AuditSearch(JdbcTemplate template) {
    this.jdbc = JdbcClient.create(template);
  }

  public Page search(AuditQuery q) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object> params = new ArrayList<>();
    equal(where, params, "actor_username", q.actor());
    equal(where, params, "facility_code", q.facility());
    equal(where, params, "object_type", q.objectType());
    equal(where, params, "object_id", q.objectId());
    if (q.action() != null) {
      // Prefix match so that "POST /facilities" finds every facility change.
      where.append(" AND action LIKE ? ESCAPE '\\'");
      params.add(q.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    if (q.from() != null) {
      where.append(" AND occurred_at >= ?");
      params.add(LocalDateTime.ofInstant(q.from(), ZoneOffset.UTC));
    }
    if (q.to() != null) {
      where.append(" AND occurred_at < ?");
      params.add(LocalDateTime.ofInstant(q.to(), ZoneOffset.UTC));
    }
    params.add(q.size() + 1);
    params.add((long) q.page() * q.size());
    List<AuditEvent> rows =
        jdbc.sql(
                "SELECT "
                    + AuditLog.COLUMNS
                    + " FROM audit.audit_event"
                    + where
                    + " ORDER BY id DESC LIMIT ? OFFSET ?")
            .params(params)
            .query((rs, n) -> view(AuditLog.link(rs).entry()))
            .list();
    boolean hasNext = rows.size() > q.size();
    return new Page(hasNext ? rows.subList(0, q.size()) : rows, q.page(), q.size(), hasNext);
  }

  private static void equal(StringBuilder where, List<Object> params, String column, String value) {
    if (value != null) {
      where.append(" AND ").append(column).append(" = ?");
      params.add(value);
    }
  }

  private static AuditEvent view(AuditEntry e) {
    return new AuditEvent(
        e.id(),
        e.occurredAt(),
        e.actorUsername(),
        e.actorAccountId(),
        e.facilityCode(),
        e.action(),
        e.objectType(),
        e.objectId(),
        e.result(),
        e.httpMethod(),
        e.path(),
        e.statusCode(),
        e.clientAddress(),
        e.correlationId());
  }
}
