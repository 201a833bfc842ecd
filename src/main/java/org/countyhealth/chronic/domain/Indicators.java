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

  /**
   * The international view (DHIS2 / Simple.org) at {@code today}, among hypertension patients
   * registered before the last 3 months: controlled at the last visit of the past 3 months, no
   * visit in 3 months, no visit in 12 months (lost to follow-up).
   */
  public record Cohort(
      String facilityCode,
      String facilityName,
      long patients,
      long controlled3m,
      long noVisit3m,
      long lost12m) {}

  public List<Cohort> cohort(Actor actor, LocalDate today) {
    Access.require(actor, Privilege.INDICATOR_VIEW);
    if (!actor.scope().all() && actor.scope().licenceCodes().isEmpty()) {
      return List.of();
    }
    String sql =
        "SELECT e.responsible_facility_code AS code, MAX(f.name) AS name, COUNT(*) AS patients,"
            + " SUM(CASE WHEN e.last_visit_on >= :m3 AND lv.controlled THEN 1 ELSE 0 END) AS c3,"
            + " SUM(CASE WHEN e.last_visit_on IS NULL OR e.last_visit_on < :m3 THEN 1 ELSE 0 END) AS n3,"
            + " SUM(CASE WHEN e.last_visit_on IS NULL OR e.last_visit_on < :m12 THEN 1 ELSE 0 END) AS l12"
            + " FROM chronic.enrolment e"
            + " LEFT JOIN organization.facility f ON f.licence_code = e.responsible_facility_code"
            + " LEFT JOIN chronic.follow_up lv ON lv.id = (SELECT x.id FROM chronic.follow_up x"
            + " WHERE x.enrolment_id = e.id AND NOT x.voided AND x.systolic IS NOT NULL"
            + " ORDER BY x.visit_on DESC, x.id DESC LIMIT 1)"
            + " WHERE e.disease = 'HYPERTENSION' AND e.status = 'MANAGED' AND e.enrolled_on < :m3"
            + (actor.scope().all() ? "" : " AND e.responsible_facility_code IN (:codes)")
            + " GROUP BY e.responsible_facility_code ORDER BY e.responsible_facility_code";
    var spec = jdbc.sql(sql).param("m3", today.minusMonths(3)).param("m12", today.minusMonths(12));
    if (!actor.scope().all()) {
      spec = spec.param("codes", List.copyOf(actor.scope().licenceCodes()));
    }
    return spec.query(
            (rs, i) ->
                new Cohort(
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getLong("patients"),
                    rs.getLong("c3"),
                    rs.getLong("n3"),
                    rs.getLong("l12")))
        .list();
  }

  /**
   * Data-quality signal: systolic readings of 130–139 against 140–149 per facility in the year; a
   * large excess of the first suggests readings rounded down below the 140 threshold.
   */
  public record Rounding(String facilityCode, String facilityName, long below, long above) {}

  public List<Rounding> rounding(Actor actor, int year) {
    Access.require(actor, Privilege.INDICATOR_VIEW);
    if (!actor.scope().all() && actor.scope().licenceCodes().isEmpty()) {
      return List.of();
    }
    String sql =
        "SELECT v.facility_code AS code, MAX(f.name) AS name,"
            + " SUM(CASE WHEN v.systolic BETWEEN 130 AND 139 THEN 1 ELSE 0 END) AS below,"
            + " SUM(CASE WHEN v.systolic BETWEEN 140 AND 149 THEN 1 ELSE 0 END) AS above"
            + " FROM chronic.follow_up v LEFT JOIN organization.facility f ON f.licence_code = v.facility_code"
            + " WHERE NOT v.voided AND v.visit_on BETWEEN :start AND :end"
            + (actor.scope().all() ? "" : " AND v.facility_code IN (:codes)")
            + " GROUP BY v.facility_code ORDER BY v.facility_code";
    var spec =
        jdbc.sql(sql)
            .param("start", LocalDate.of(year, 1, 1))
            .param("end", LocalDate.of(year, 12, 31));
    if (!actor.scope().all()) {
      spec = spec.param("codes", List.copyOf(actor.scope().licenceCodes()));
    }
    return spec.query(
            (rs, i) ->
                new Rounding(
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getLong("below"),
                    rs.getLong("above")))
        .list();
  }
}
