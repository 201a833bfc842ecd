package org.countyhealth.chronic.domain;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.countyhealth.chronic.domain.PeriodReports.Member;
import org.countyhealth.chronic.domain.PeriodReports.Report;
import org.countyhealth.chronic.rules.ReportingLine.Period;
import org.countyhealth.chronic.rules.ReportingLine.Status;
import org.countyhealth.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads period reports and the upper level's members, with the data scope in the SQL. */
@Component
class ReportRows {

  private final JdbcClient jdbc;
  private final ReportFigures figures;

  ReportRows(JdbcClient jdbc, ReportFigures figures) {
    this.jdbc = jdbc;
    this.figures = figures;
  }

  /** A report within the actor's scope (its facility) or addressed to the actor's facility. */
  Optional<Report> byId(Actor actor, long id) {
    String scope =
        actor.scope().all() ? "" : " AND (r.facility_code IN (:codes) OR r.upper_code = :me)";
    var spec = jdbc.sql(SELECT + " WHERE r.id = :id" + scope).param("id", id);
    if (!actor.scope().all()) {
      spec =
          spec.param("codes", codes(actor))
              .param("me", actor.facilityCode() == null ? "" : actor.facilityCode());
    }
    return spec.query((rs, i) -> row(rs)).optional().map(this::withFigures);
  }

  private static final String SELECT =
      "SELECT r.*, f.name AS facility_name FROM chronic.period_report r"
          + " LEFT JOIN organization.facility f ON f.licence_code = r.facility_code";

  Report find(String facility, Period period) {
    return jdbc.sql(SELECT + " WHERE r.facility_code = ? AND r.year = ? AND r.quarter = ?")
        .params(facility, period.year(), period.quarter())
        .query((rs, i) -> row(rs))
        .optional()
        .map(this::withFigures)
        .orElse(null);
  }

  /**
   * The upper level's members (facilities whose parent it is): all of them when deciding whether
   * the period is complete, those within the actor's data scope when listing.
   */
  List<Member> members(Actor actor, String me, Period period, boolean scoped) {
    boolean filter = scoped && !actor.scope().all();
    String scope = filter ? " AND f.licence_code IN (:codes)" : "";
    var spec =
        jdbc.sql(
                "SELECT f.licence_code, f.name, r.id, r.status, r.return_reason"
                    + " FROM organization.facility f LEFT JOIN chronic.period_report r"
                    + " ON r.facility_code = f.licence_code AND r.year = :y AND r.quarter = :q"
                    + " WHERE f.parent_code = :me AND f.active AND f.type IN ('VILLAGE_CLINIC',"
                    + " 'TOWNSHIP_HEALTH_CENTRE', 'COMMUNITY_HEALTH_CENTRE', 'COUNTY_GENERAL_HOSPITAL',"
                    + " 'COUNTY_TCM_HOSPITAL')"
                    + scope
                    + " ORDER BY f.licence_code")
            .param("y", period.year())
            .param("q", period.quarter())
            .param("me", me);
    if (filter) {
      spec = spec.param("codes", codes(actor));
    }
    return spec.query(
            (rs, i) ->
                new Member(
                    rs.getString(1),
                    rs.getString(2),
                    (Long) rs.getObject(3, Long.class),
                    rs.getString(4) == null ? null : Status.valueOf(rs.getString(4)),
                    rs.getString(5)))
        .list();
  }

  Report withFigures(Report r) {
    return new Report(
        r.id(),
        r.period(),
        r.facilityCode(),
        r.facilityName(),
        r.upperCode(),
        r.status(),
        r.submittedBy(),
        r.submittedAt(),
        r.returnReason(),
        r.lockedBy(),
        r.lockedAt(),
        figures.read(r.id(), "OWN"),
        figures.read(r.id(), "TOTAL"));
  }

  private static Report row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Report(
        rs.getLong("id"),
        new Period(rs.getInt("year"), rs.getInt("quarter")),
        rs.getString("facility_code"),
        rs.getString("facility_name"),
        rs.getString("upper_code"),
        Status.valueOf(rs.getString("status")),
        rs.getString("submitted_by"),
        rs.getObject("submitted_at", LocalDateTime.class),
        rs.getString("return_reason"),
        rs.getString("locked_by"),
        rs.getObject("locked_at", LocalDateTime.class),
        List.of(),
        List.of());
  }

  private static List<String> codes(Actor actor) {
    var c = List.copyOf(actor.scope().licenceCodes());
    return c.isEmpty() ? List.of("") : c;
  }
}
