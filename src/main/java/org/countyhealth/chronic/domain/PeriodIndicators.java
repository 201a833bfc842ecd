package org.countyhealth.chronic.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
 * 183–186, 236–239, 91–99), with the patients behind each figure. The counts ({@link PeriodCounts},
 * cached) and the drill-down ({@link #base}) use the same per-enrolment expressions over the read
 * model (ADR 0006), so a list always matches its figure.
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

  /** One row per enrolment managed in the period, for the drill-down (the same figures). */
  private static String base(PeriodWindow w) {
    return "SELECT e.id AS enrolment_id, e.resident_id, e.disease,"
        + " e.responsible_facility_code AS fkey,"
        + " CAST(COALESCE(f.grid_id, pf.grid_id) AS VARCHAR(20)) AS gkey, "
        + PeriodCounts.STANDARD
        + " AS standard, "
        + PeriodCounts.CONTROLLED
        + " AS controlled FROM chronic.enrolment e"
        + " LEFT JOIN organization.facility f ON f.licence_code = e.responsible_facility_code"
        + " LEFT JOIN organization.facility pf ON pf.licence_code = f.parent_code"
        + PeriodCounts.visits(w)
        + PeriodCounts.MANAGED_IN;
  }

  private record Group(String key, String disease) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final PrevalenceEstimates estimates;
  private final PeriodCounts counts;
  private final IndicatorFacilities directory;
  private final IndicatorCache cache;

  PeriodIndicators(
      JdbcClient jdbc,
      AuditTrail audit,
      PrevalenceEstimates estimates,
      PeriodCounts counts,
      IndicatorFacilities directory,
      IndicatorCache cache) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.estimates = estimates;
    this.counts = counts;
    this.directory = directory;
    this.cache = cache;
  }

  public List<Row> rows(Actor actor, int year, Integer quarter, By by, LocalDate today) {
    Access.require(actor, Privilege.INDICATOR_VIEW);
    if (!actor.scope().all() && actor.scope().licenceCodes().isEmpty()) {
      return List.of();
    }
    PeriodWindow w = PeriodWindow.of(year, quarter, today);
    Map<String, IndicatorFacilities.Entry> facilities = directory.all();
    Map<Group, long[]> sums = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    for (PeriodCounts.Count c : counts.of(actor, w)) {
      var f = facilities.getOrDefault(c.facilityCode(), IndicatorFacilities.unknown());
      String key = by == By.GRID ? f.gridKey() : c.facilityCode();
      String name = by == By.GRID ? f.gridName() : f.name();
      long[] sum = sums.computeIfAbsent(new Group(key, c.disease()), g -> new long[3]);
      sum[0] += c.managed();
      sum[1] += c.standard();
      sum[2] += c.controlled();
      if (name != null) {
        names.merge(key, name, (a, b) -> a.compareTo(b) >= 0 ? a : b);
      }
    }
    Map<String, Long> population = population(actor, w, by, facilities);
    Map<String, long[]> firstVisits = firstVisits(actor, w, by);
    // The estimate in force on the period's last day (the history of V3_0_5).
    Map<String, BigDecimal> prevalence = estimates.validOn(w.end());
    audit.describe(
        "CHRONIC_INDICATORS", "Indicators", year + (quarter == null ? "" : "Q" + quarter));
    List<Row> rows = new ArrayList<>();
    sums.forEach(
        (g, sum) -> {
          Long pop = population.get(g.key());
          BigDecimal p = prevalence.get(g.disease());
          Long estimated =
              pop == null || p == null
                  ? null
                  : Math.max(1, Math.round(pop * p.doubleValue() / 100.0));
          long[] fv = firstVisits.getOrDefault(g.key(), new long[2]);
          rows.add(
              new Row(
                  g.key(),
                  names.get(g.key()),
                  g.disease(),
                  sum[0],
                  sum[1],
                  sum[2],
                  estimated,
                  fv[0],
                  fv[1]));
        });
    // As PostgreSQL's ORDER BY name, key, disease (nulls last).
    rows.sort(
        Comparator.comparing(Row::name, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(Row::key, Comparator.nullsLast(Comparator.<String>naturalOrder()))
            .thenComparing(Row::disease));
    return rows;
  }

  private static String facilityKey(By by) {
    return by == By.GRID
        ? "CAST(COALESCE(f.grid_id, pf.grid_id) AS VARCHAR(20))"
        : "f.licence_code";
  }

  /**
   * Active residents aged ≥ 35 at the end of the period, by owning facility or grid (rolled up from
   * the facilities, which are counted once for both).
   */
  private Map<String, Long> population(
      Actor actor, PeriodWindow w, By by, Map<String, IndicatorFacilities.Entry> facilities) {
    Map<String, Long> byFacility =
        cache.get(
            new IndicatorCache.Key(
                IndicatorCache.Kind.POPULATION, PeriodWindow.scopeKey(actor), w.end(), w.end(), ""),
            () -> countPopulation(actor, w));
    Map<String, Long> population = new HashMap<>();
    byFacility.forEach(
        (code, n) -> {
          var f = facilities.get(code);
          if (f != null) {
            population.merge(by == By.GRID ? f.gridKey() : code, n, Long::sum);
          }
        });
    return population;
  }

  private Map<String, Long> countPopulation(Actor actor, PeriodWindow w) {
    Map<String, Long> population = new HashMap<>();
    PeriodWindow.scoped(
            jdbc.sql(
                "SELECT r.facility_code, COUNT(*) FROM residents.resident r"
                    + " WHERE r.status = 'ACTIVE' AND r.birth_date <= :adult"
                    + PeriodWindow.scope(actor, "r.facility_code")
                    + " GROUP BY r.facility_code"),
            actor)
        .param("adult", w.end().minusYears(35))
        .query((rs, i) -> population.put(rs.getString(1), rs.getLong(2)))
        .list();
    return population;
  }

  /** 首诊测血压 figures entered in the quarterly QC plans of the period. */
  private Map<String, long[]> firstVisits(Actor actor, PeriodWindow w, By by) {
    Map<String, long[]> firstVisits = new HashMap<>();
    w.bind(
            jdbc.sql(
                "SELECT "
                    + facilityKey(by)
                    + ", COALESCE(SUM(p.first_visit_checked), 0), COALESCE(SUM(p.first_visit_measured), 0)"
                    + " FROM chronic.qc_plan p JOIN organization.facility f"
                    + " ON f.licence_code = p.checked_facility_code"
                    + " LEFT JOIN organization.facility pf ON pf.licence_code = f.parent_code"
                    + " WHERE p.year = :year AND p.quarter BETWEEN :firstQ AND :lastQ"
                    + " AND p.first_visit_checked IS NOT NULL"
                    + PeriodWindow.scope(actor, "p.checked_facility_code")
                    + " GROUP BY "
                    + facilityKey(by)),
            actor)
        .query(
            (rs, i) -> firstVisits.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}))
        .list();
    return firstVisits;
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
    PeriodWindow w = PeriodWindow.of(year, quarter, today);
    String column = by == By.GRID ? "gkey" : "fkey";
    return w.bind(
            jdbc.sql(
                "SELECT b.enrolment_id, b.resident_id, r.name, r.birth_date, b.standard, b.controlled"
                    + " FROM ("
                    + base(w)
                    + PeriodWindow.scope(actor, "e.responsible_facility_code")
                    + ") b JOIN residents.resident r ON r.id = b.resident_id WHERE b."
                    + column
                    + " = :key AND b.disease = :disease AND "
                    + m.condition
                    + " ORDER BY r.name, b.enrolment_id LIMIT 2000"),
            actor)
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
}
