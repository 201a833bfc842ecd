package org.countyhealth.audit.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.countyhealth.audit.AuditCriteria;
import org.countyhealth.audit.AuditRecord;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Audit events for other modules, newest first, the scope on the event's facility in SQL. */
@Repository
class AuditReads {

  private static final String SELECT =
      "SELECT id, occurred_at, actor_username, facility_code, action, object_type, object_id,"
          + " result, http_method, path, client_address FROM audit.audit_event WHERE ";

  private final JdbcClient jdbc;

  AuditReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<AuditRecord> find(long id, DataScope scope) {
    List<Object> params = new ArrayList<>();
    String where = scope(scope, params) + " AND id = ?";
    params.add(id);
    return jdbc.sql(SELECT + where).params(params).query(AuditReads::row).optional();
  }

  Slice<AuditRecord> search(AuditCriteria c, DataScope scope, Window window) {
    List<Object> params = new ArrayList<>();
    StringBuilder where = new StringBuilder(scope(scope, params));
    equal(where, params, "object_type", c.objectType());
    equal(where, params, "object_id", c.objectId());
    equal(where, params, "actor_username", c.actorUsername());
    if (c.from() != null) {
      where.append(" AND occurred_at >= ?");
      params.add(LocalDateTime.ofInstant(c.from(), ZoneOffset.UTC));
    }
    if (c.to() != null) {
      where.append(" AND occurred_at < ?");
      params.add(LocalDateTime.ofInstant(c.to(), ZoneOffset.UTC));
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM audit.audit_event WHERE " + where)
            .params(params)
            .query(Long.class)
            .single();
    List<Object> paged = new ArrayList<>(params);
    paged.add(window.count());
    paged.add(window.offset());
    List<AuditRecord> rows =
        jdbc.sql(SELECT + where + " ORDER BY id DESC LIMIT ? OFFSET ?")
            .params(paged)
            .query(AuditReads::row)
            .list();
    return new Slice<>(rows, total);
  }

  private static String scope(DataScope scope, List<Object> params) {
    if (scope.all()) {
      return "1 = 1";
    }
    if (scope.licenceCodes().isEmpty()) {
      return "1 = 0";
    }
    params.addAll(scope.licenceCodes());
    return "facility_code IN ("
        + String.join(",", java.util.Collections.nCopies(scope.licenceCodes().size(), "?"))
        + ")";
  }

  private static void equal(StringBuilder where, List<Object> params, String column, String v) {
    if (v != null && !v.isBlank()) {
      where.append(" AND ").append(column).append(" = ?");
      params.add(v.strip());
    }
  }

  private static AuditRecord row(ResultSet rs, int n) throws SQLException {
    return new AuditRecord(
        rs.getLong("id"),
        rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
        rs.getString("actor_username"),
        rs.getString("facility_code"),
        rs.getString("action"),
        rs.getString("object_type"),
        rs.getString("object_id"),
        AuditResult.valueOf(rs.getString("result")),
        rs.getString("http_method"),
        rs.getString("path"),
        rs.getString("client_address"));
  }
}
