package org.countyhealth.chronic.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.Disease;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work indicators per facility or grid, per year or quarter (000_65944b5c5b97f013.txt lines
 * 183–186, 236–239, 91–99), with the patients behind each figure. One per-enrolment statement
 * ({@link #BASE}) feeds both the counts and the drill-down, so a list always matches its figure.
 */
@Service
@Transactional(readOnly = true)
public class PeriodIndicators {

  public enum By {
    FACILITY,
    GRID
  }

  /** What a drill-down lists. */
  public enum Measure {
    MANAGED("1 = 1"),
    STANDARD("b.standard = 1"),
    NOT_STANDARD("b.standard = 0"),
    CONTROLLED("b.controlled = 1"),
    NOT_CONTROLLED("b.controlled = 0");

    private final String condition;

    Measure(String condition) {
      this.condition = condition;
    }
  }

  public record Row(
      String key,
      String name,
      String disease,
      long managed,
      long standard,
      long controlled,
      Long estimated,
      long firstVisitChecked,
      long firstVisitMeasured) {

    public Double standardRate() {
      return rate(standard, managed);
    }

    public Double controlRate() {
      return rate(controlled, managed);
    }

    /** 管理率 = managed / (residents ≥ 35 × estimated prevalence). */
    public Double managementRate() {
      return estimated == null ? null : rate(managed, estimated);
    }

    public Double firstVisitRate() {
      return rate(firstVisitMeasured, firstVisitChecked);
    }

    private static Double rate(long n, long d) {
      return d == 0 ? null : Math.round(n * 1000.0 / d) / 10.0;
    }
  }

  public record Patient(
      long enrolmentId,
      long residentId,
      String name,
      LocalDate birthDate,
      boolean standard,
      boolean controlled) {}

  /** Targets of lines 92–99 (首诊测血压 ≥ 95 %, 规范管理 ≥ 60 %, 控制 ≥ 40 %). */
  public static final int FIRST_VISIT_TARGET = 95;

  private static final String BASE =
      "SELECT e.id AS enrolment_id, e.resident_id, e.disease,"
          + " e.responsible_facility_code AS fkey, f.name AS fname,"
          + " CAST(COALESCE(f.grid_id, pf.grid_id) AS VARCHAR(20)) AS gkey, g.name AS gname,"
          + " CASE WHEN COALESCE(q.quarters, 0) >= :lastQ + 1 - CASE WHEN e.enrolled_on >= :start"
          + " THEN EXTRACT(QUARTER FROM e.enrolled_on) ELSE :firstQ END THEN 1 ELSE 0 END AS standard,"
          + " CASE WHEN lv.controlled THEN 1 ELSE 0 END AS controlled"
          + " FROM chronic.enrolment e"
          + " LEFT JOIN organization.facility f ON f.licence_code = e.responsible_facility_code"
          + " LEFT JOIN organization.facility pf ON pf.licence_code = f.parent_code"
          + " LEFT JOIN organization.grid g ON g.id = COALESCE(f.grid_id, pf.grid_id)"
          + " LEFT JOIN (SELECT v.enrolment_id, COUNT(DISTINCT EXTRACT(QUARTER FROM v.visit_on))"
          + " AS quarters FROM chronic.follow_up v WHERE NOT v.voided AND v.mode <> 'PHONE'"
          + " AND v.visit_on BETWEEN :start AND :end GROUP BY v.enrolment_id) q"
          + " ON q.enrolment_id = e.id"
          + " LEFT JOIN chronic.follow_up lv ON lv.id = (SELECT x.id FROM chronic.follow_up x"
          + " WHERE x.enrolment_id = e.id AND NOT x.voided AND x.visit_on BETWEEN :start AND :end"
          + " AND ((e.disease = 'DIABETES' AND x.fasting_glucose IS NOT NULL)"
          + " OR (e.disease = 'HYPERTENSION' AND x.systolic IS NOT NULL))"
          + " ORDER BY x.visit_on DESC, x.id DESC LIMIT 1)"
          + " WHERE e.enrolled_on <= :end AND (e.status = 'MANAGED' OR e.status_on >= :start)";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final PrevalenceEstimates estimates;

  PeriodIndicators(JdbcClient jdbc, AuditTrail audit, PrevalenceEstimates estimates) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.estimates = estimates;
  }

  public List<Row> rows(Actor actor, int year, Integer quarter, By by, LocalDate today) {
    Access.require(actor, Privilege.INDICATOR_VIEW);
    if (!actor.scope().all() && actor.scope().licenceCodes().isEmpty()) {
      return List.of();
    }
    Window w = window(year, quarter, today);
    String key = by == By.GRID ? "gkey" : "fkey";
    String name = by == By.GRID ? "gname" : "fname";
    var counts =
        bind(
                jdbc.sql(
                    "SELECT b."
                        + key
                        + " AS k, MAX(b."
                        + name
                        + ") AS n, b.disease, COUNT(*) AS managed, SUM(b.standard) AS standard,"
                        + " SUM(b.controlled) AS controlled FROM ("
                        + BASE
                        + scope(actor, "e.responsible_facility_code")
                        + ") b GROUP BY b."
                        + key
                        + ", b.disease ORDER BY 2, 1, 3"),
                actor,
                w)
            .query(
                (rs, i) ->
                    new Object[] {
                      rs.getString(1),
                      rs.getString(2),
                      rs.getString(3),
                      rs.getLong(4),
                      rs.getLong(5),
                      rs.getLong(6)
                    })
            .list();
    String facilityKey =
        by == By.GRID ? "CAST(COALESCE(f.grid_id, pf.grid_id) AS VARCHAR(20))" : "f.licence_code";
    String joins = " LEFT JOIN organization.facility pf ON pf.licence_code = f.parent_code";
    Map<String, Long> population = new HashMap<>();
    bind(
            jdbc.sql(
                "SELECT "
                    + facilityKey
                    + ", COUNT(*) FROM residents.resident r JOIN organization.facility f"
                    + " ON f.licence_code = r.facility_code"
                    + joins
                    + " WHERE r.status = 'ACTIVE' AND r.birth_date <= :adult"
                    + scope(actor, "r.facility_code")
                    + " GROUP BY "
                    + facilityKey),
            actor,
            w)
        .param("adult", w.end().minusYears(35))
        .query((rs, i) -> population.put(rs.getString(1), rs.getLong(2)))
        .list();
    Map<String, long[]> firstVisits = new HashMap<>();
    bind(
            jdbc.sql(
                "SELECT "
                    + facilityKey
                    + ", COALESCE(SUM(p.first_visit_checked), 0), COALESCE(SUM(p.first_visit_measured), 0)"
                    + " FROM chronic.qc_plan p JOIN organization.facility f"
                    + " ON f.licence_code = p.checked_facility_code"
                    + joins
                    + " WHERE p.year = :year AND p.quarter BETWEEN :firstQ AND :lastQ"
                    + " AND p.first_visit_checked IS NOT NULL"
                    + scope(actor, "p.checked_facility_code")
                    + " GROUP BY "
                    + facilityKey),
            actor,
            w)
        .param("year", year)
        .query(
            (rs, i) -> firstVisits.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}))
        .list();
    // The estimate in force on the period's last day (the history of V3_0_5).
    Map<String, BigDecimal> prevalence = estimates.validOn(w.end());
    audit.describe(
        "CHRONIC_INDICATORS", "Indicators", year + (quarter == null ? "" : "Q" + quarter));
    List<Row> rows = new ArrayList<>();
    for (Object[] c : counts) {
      String k = (String) c[0];
      String disease = (String) c[2];
      Long pop = population.get(k);
      BigDecimal p = prevalence.get(disease);
      Long estimated =
          pop == null || p == null ? null : Math.max(1, Math.round(pop * p.doubleValue() / 100.0));
      long[] fv = firstVisits.getOrDefault(k, new long[2]);
      rows.add(
          new Row(
              k,
              (String) c[1],
              disease,
              (Long) c[3],
              (Long) c[4],
              (Long) c[5],
              estimated,
              fv[0],
              fv[1]));
    }
    return rows;
  }

  /** The patients counted in one figure (at most 2,000, by name). */
  public List<Patient> patients(
      Actor actor,
      int year,
      Integer quarter,
      By by,
      String key,
      Disease disease,
      Measure m,
      LocalDate today) {
    Access.require(actor, Privilege.INDICATOR_VIEW);
    if (!actor.scope().all() && actor.scope().licenceCodes().isEmpty()) {
      return List.of();
    }
    Window w = window(year, quarter, today);
    String column = by == By.GRID ? "gkey" : "fkey";
    return bind(
            jdbc.sql(
                "SELECT b.enrolment_id, b.resident_id, r.name, r.birth_date, b.standard, b.controlled"
                    + " FROM ("
                    + BASE
                    + scope(actor, "e.responsible_facility_code")
                    + ") b JOIN residents.resident r ON r.id = b.resident_id WHERE b."
                    + column
                    + " = :key AND b.disease = :disease AND "
                    + m.condition
                    + " ORDER BY r.name, b.enrolment_id LIMIT 2000"),
            actor,
            w)
        .param("key", key)
        .param("disease", disease.name())
        .query(
            (rs, i) ->
                new Patient(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getInt(5) == 1,
                    rs.getInt(6) == 1))
        .list();
  }

  public Map<String, BigDecimal> prevalence() {
    return estimates.all();
  }

  @Transactional
  public void setPrevalence(Actor actor, Disease disease, BigDecimal percent) {
    estimates.set(actor, disease, percent);
  }

  private record Window(LocalDate start, LocalDate end, int firstQ, int lastQ) {}

  private static Window window(int year, Integer quarter, LocalDate today) {
    LocalDate start =
        quarter == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, quarter * 3 - 2, 1);
    LocalDate end = quarter == null ? LocalDate.of(year, 12, 31) : start.plusMonths(3).minusDays(1);
    if (end.isAfter(today)) {
      end = today.isBefore(start) ? start : today;
    }
    return new Window(
        start, end, (start.getMonthValue() - 1) / 3 + 1, (end.getMonthValue() - 1) / 3 + 1);
  }

  private static String scope(Actor actor, String column) {
    return actor.scope().all() ? "" : " AND " + column + " IN (:codes)";
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, Actor actor, Window w) {
    spec =
        spec.param("start", w.start())
            .param("end", w.end())
            .param("firstQ", w.firstQ())
            .param("lastQ", w.lastQ());
    return actor.scope().all()
        ? spec
        : spec.param("codes", List.copyOf(actor.scope().licenceCodes()));
  }
}
