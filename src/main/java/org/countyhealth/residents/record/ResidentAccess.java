package org.countyhealth.residents.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see which resident: the actor needs the privilege, and the resident's owning facility,
 * village clinic or township centre must lie in the actor's data scope, checked in SQL (DESIGN.md,
 * Data). Outside the scope a resident does not exist for the actor: 404, never 403.
 */
@Component
public class ResidentAccess {

  static final String RECORD_READ = "HEALTH_RECORD_READ";

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  ResidentAccess(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /**
   * Opens a resident's record for reading: the viewing privilege, the scope, and an audit event,
   * since every access to a person's record is audited (DESIGN.md, Security).
   */
  public ResidentRef openRecord(Actor actor, long residentId) {
    requirePrivilege(actor, Privilege.RESIDENT_VIEW);
    ResidentRef resident = require(actor, residentId);
    audit.describe(RECORD_READ, "Resident", String.valueOf(residentId));
    return resident;
  }

  /** A SQL condition with its positional parameters. */
  public record Condition(String sql, List<Object> params) {}

  /** The scope condition on a resident table aliased {@code alias}. */
  public static Condition scope(DataScope scope, String alias) {
    if (scope.all()) {
      return new Condition("TRUE", List.of());
    }
    if (scope.licenceCodes().isEmpty()) {
      return new Condition("FALSE", List.of());
    }
    List<Object> codes = new ArrayList<>(scope.licenceCodes());
    String marks = String.join(",", Collections.nCopies(codes.size(), "?"));
    List<Object> params = new ArrayList<>();
    params.addAll(codes);
    params.addAll(codes);
    params.addAll(codes);
    return new Condition(
        "(%1$s.facility_code IN (%2$s) OR %1$s.village_clinic_code IN (%2$s)"
                .formatted(alias, marks)
            + " OR %1$s.township_code IN (%2$s))".formatted(alias, marks),
        params);
  }

  public static void requirePrivilege(Actor actor, Privilege privilege) {
    if (!actor.can(privilege.name())) {
      throw new AccessDenied("PRIVILEGE_MISSING", "您没有“" + privilege.label() + "”的权限");
    }
  }

  /** The active resident if the actor may see it; 404 otherwise. */
  public ResidentRef require(Actor actor, long residentId) {
    Condition scope = scope(actor.scope(), "r");
    List<Object> params = new ArrayList<>();
    params.add(residentId);
    params.addAll(scope.params());
    return jdbc.sql(
            "SELECT r.id, r.name, r.sex, r.birth_date, r.division_code, r.facility_code,"
                + " r.village_clinic_code, r.township_code FROM residents.resident r"
                + " WHERE r.id = ? AND r.status = 'ACTIVE' AND "
                + scope.sql())
        .params(params)
        .query(ResidentAccess::ref)
        .optional()
        .orElseThrow(() -> new NotFound("RESIDENT_NOT_FOUND", "未找到该居民，或该居民不在您的数据范围内"));
  }

  /** The active resident regardless of scope: for trusted callers of the facades only. */
  public ResidentRef requireTrusted(long residentId) {
    return jdbc.sql(
            "SELECT r.id, r.name, r.sex, r.birth_date, r.division_code, r.facility_code,"
                + " r.village_clinic_code, r.township_code FROM residents.resident r"
                + " WHERE r.id = ? AND r.status = 'ACTIVE'")
        .param(residentId)
        .query(ResidentAccess::ref)
        .optional()
        .orElseThrow(() -> new NotFound("RESIDENT_NOT_FOUND", "未找到该居民"));
  }

  private static ResidentRef ref(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new ResidentRef(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("sex"),
        rs.getObject("birth_date", java.time.LocalDate.class),
        rs.getString("division_code"),
        rs.getString("facility_code"),
        rs.getString("village_clinic_code"),
        rs.getString("township_code"));
  }
}
