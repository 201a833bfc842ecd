package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * / patients managed (no visit → not controlled). Set-based over the read model (ADR 0006), scope
 * in the WHERE, counts cached per scope and period ({@link IndicatorCache}).
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
  private final PeriodCounts counts;
  private final IndicatorFacilities directory;
  private final IndicatorCache cache;

  Indicators(
      JdbcClient jdbc,
      AuditTrail audit,
      PeriodCounts counts,
      IndicatorFacilities directory,
      IndicatorCache cache) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.counts = counts;
    this.directory = directory;
    this.cache = cache;
  }

  public List<Row> year(Actor actor, int year, LocalDate today) {
    Access.require(actor, Privilege.INDICATOR_VIEW);
    if (!actor.scope().all() && actor.scope().licenceCodes().isEmpty()) {
      return List.of();
    }
    // Quarters owed: up to the quarter of the end date, from the enrolment quarter if enrolled this
    // year (PeriodCounts).
    var facilities = directory.all();
    audit.describe("CHRONIC_INDICATORS", "Indicators", String.valueOf(year));
    return counts.of(actor, PeriodWindow.of(year, null, today)).stream()
        .map(
            c ->
                new Row(
                    c.facilityCode(),
                    name(facilities, c.facilityCode()),
                    c.disease(),
                    c.managed(),
                    c.standard(),
                    c.controlled()))
        .sorted(Comparator.comparing(Row::facilityCode).thenComparing(Row::disease))
        .toList();
  }

  private static String name(Map<String, IndicatorFacilities.Entry> facilities, String code) {
    var f = facilities.get(code);
    return f == null ? null : f.name();
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
    var facilities = directory.all();
    return cache
        .get(
            new IndicatorCache.Key(
                IndicatorCache.Kind.COHORT, PeriodWindow.scopeKey(actor), today, today, ""),
            () -> cohortCounts(actor, today))
        .stream()
        .map(
            c ->
                new Cohort(
                    c.facilityCode(),
                    name(facilities, c.facilityCode()),
                    c.patients(),
                    c.controlled3m(),
                    c.noVisit3m(),
                    c.lost12m()))
        .toList();
  }

  /**
   * One row per enrolment: the latest measured follow-up of all time is kept on the enrolment (ADR
   * 0006).
   */
  private List<Cohort> cohortCounts(Actor actor, LocalDate today) {
    String sql =
        "SELECT e.responsible_facility_code AS code, COUNT(*) AS patients,"
            + " SUM(CASE WHEN e.last_visit_on >= :m3 AND e.last_measured_controlled THEN 1 ELSE 0 END)"
            + " AS c3,"
            + " SUM(CASE WHEN e.last_visit_on IS NULL OR e.last_visit_on < :m3 THEN 1 ELSE 0 END) AS n3,"
            + " SUM(CASE WHEN e.last_visit_on IS NULL OR e.last_visit_on < :m12 THEN 1 ELSE 0 END) AS l12"
            + " FROM chronic.enrolment e"
            + " WHERE e.disease = 'HYPERTENSION' AND e.status = 'MANAGED' AND e.enrolled_on < :m3"
            + PeriodWindow.scope(actor, "e.responsible_facility_code")
            + " GROUP BY e.responsible_facility_code ORDER BY e.responsible_facility_code";
    var spec = jdbc.sql(sql).param("m3", today.minusMonths(3)).param("m12", today.minusMonths(12));
    return PeriodWindow.scoped(spec, actor)
        .query(
            (rs, i) ->
                new Cohort(
                    rs.getString("code"),
                    null,
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
    var facilities = directory.all();
    return roundingCounts(actor, year).stream()
        .map(
            r ->
                new Rounding(
                    r.facilityCode(), name(facilities, r.facilityCode()), r.below(), r.above()))
        .toList();
  }

  private List<Rounding> roundingCounts(Actor actor, int year) {
    // The tally kept with every follow-up recorded or voided (ADR 0006): a few hundred rows.
    String sql =
        "SELECT t.facility_code AS code, t.below, t.above FROM chronic.reading_tally t"
            + " WHERE t.year = :year AND t.visits > 0"
            + PeriodWindow.scope(actor, "t.facility_code")
            + " ORDER BY t.facility_code";
    var spec = jdbc.sql(sql).param("year", year);
    return PeriodWindow.scoped(spec, actor)
        .query(
            (rs, i) ->
                new Rounding(rs.getString("code"), null, rs.getLong("below"), rs.getLong("above")))
        .list();
  }
}
