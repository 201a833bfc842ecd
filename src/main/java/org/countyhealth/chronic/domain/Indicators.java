package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.util.List;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Yearly work indicators per responsible facility and disease (000_65944b5c5b97f013.txt lines
 * 183–186, 236–239): 规范管理率 = patients with a face-to-face visit in every quarter owed / patients
 * managed in the year (ADR 0005); 控制率 = patients on target at the latest measured visit of the year
 * / patients managed (no visit → not controlled). One SQL statement, scope in its WHERE.
 */
@Service
@Transactional(readOnly = true)
public class Indicators {

  /** QC targets of lines 94–99: standard management ≥ 60 %, control ≥ 40 %. */
  public static final int STANDARD_TARGET = 60;

  public static final int CONTROL_TARGET = 40;

  public record Row(
      String facilityCode,
      String facilityName,
      String disease,
      long managed,
      long standard,
      long controlled) {

    public Double standardRate() {
      return managed == 0 ? null : Math.round(standard * 1000.0 / managed) / 10.0;
    }

    public Double controlRate() {
      return managed == 0 ? null : Math.round(controlled * 1000.0 / managed) / 10.0;
    }
  }

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  Indicators(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public List<Row> year(Actor actor, int year, LocalDate today) {
    Access.require(actor, Privilege.INDICATOR_VIEW);
    if (!actor.scope().all() && actor.scope().licenceCodes().isEmpty()) {
      return List.of();
    }
    LocalDate start = LocalDate.of(year, 1, 1);
    LocalDate end = LocalDate.of(year, 12, 31);
    if (end.isAfter(today)) {
      end = today;
    }
    // Quarters owed: up to the quarter of the end date, from the enrolment quarter if enrolled this
    // year.
    int lastQuarter = (end.getMonthValue() - 1) / 3 + 1;
    String sql =
        "SELECT e.responsible_facility_code AS code, MAX(f.name) AS name, e.disease,"
            + " COUNT(*) AS managed,"
            + " SUM(CASE WHEN COALESCE(q.quarters, 0) >= :lastQ + 1 - CASE WHEN e.enrolled_on >= :start"
            + " THEN EXTRACT(QUARTER FROM e.enrolled_on) ELSE 1 END THEN 1 ELSE 0 END) AS standard,"
            + " SUM(CASE WHEN lv.controlled THEN 1 ELSE 0 END) AS controlled"
            + " FROM chronic.enrolment e"
            + " LEFT JOIN organization.facility f ON f.licence_code = e.responsible_facility_code"
            + " LEFT JOIN (SELECT v.enrolment_id, COUNT(DISTINCT EXTRACT(QUARTER FROM v.visit_on))"
            + " AS quarters FROM chronic.follow_up v WHERE NOT v.voided AND v.mode <> 'PHONE'"
            + " AND v.visit_on BETWEEN :start AND :end GROUP BY v.enrolment_id) q"
            + " ON q.enrolment_id = e.id"
            + " LEFT JOIN chronic.follow_up lv ON lv.id = (SELECT x.id FROM chronic.follow_up x"
            + " WHERE x.enrolment_id = e.id AND NOT x.voided AND x.visit_on BETWEEN :start AND :end"
            + " AND ((e.disease = 'DIABETES' AND x.fasting_glucose IS NOT NULL)"
            + " OR (e.disease = 'HYPERTENSION' AND x.systolic IS NOT NULL))"
            + " ORDER BY x.visit_on DESC, x.id DESC LIMIT 1)"
            + " WHERE e.enrolled_on <= :end AND (e.status = 'MANAGED' OR e.status_on >= :start)"
            + (actor.scope().all() ? "" : " AND e.responsible_facility_code IN (:codes)")
            + " GROUP BY e.responsible_facility_code, e.disease"
            + " ORDER BY e.responsible_facility_code, e.disease";
    var spec = jdbc.sql(sql).param("start", start).param("end", end).param("lastQ", lastQuarter);
    if (!actor.scope().all()) {
      spec = spec.param("codes", List.copyOf(actor.scope().licenceCodes()));
    }
    audit.describe("CHRONIC_INDICATORS", "Indicators", String.valueOf(year));
    return spec.query(
            (rs, i) ->
                new Row(
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("disease"),
                    rs.getLong("managed"),
                    rs.getLong("standard"),
                    rs.getLong("controlled")))
        .list();
  }
}
