package org.countyhealth;

import java.util.List;
import org.countyhealth.audit.AuditResult;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the real audit table: take a {@link #mark} before the action, then look at what was written
 * {@link #since} it, so that a test sees only its own events (tests run one after another).
 */
public final class AuditProbe {

  /** One row of {@code audit.audit_event}, as far as tests check it. */
  public record Event(String action, String objectType, String objectId, AuditResult result) {}

  private final JdbcClient jdbc;

  AuditProbe(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The newest event id so far. */
  public long mark() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit.audit_event")
        .query(Long.class)
        .single();
  }

  /** Events written after the mark, oldest first. */
  public List<Event> since(long mark) {
    return jdbc.sql(
            "SELECT action, object_type, object_id, result FROM audit.audit_event WHERE id > ?"
                + " ORDER BY id")
        .param(mark)
        .query(
            (rs, row) ->
                new Event(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    AuditResult.valueOf(rs.getString(4))))
        .list();
  }

  /** Whether an event of the action on the object was written after the mark. */
  public boolean has(long mark, String action, String objectId) {
    return since(mark).stream()
        .anyMatch(e -> e.action().equals(action) && String.valueOf(objectId).equals(e.objectId()));
  }
}
