package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.util.List;
import org.countyhealth.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Per responsible facility and disease, the patients managed in a period, those under standard
 * management and those controlled at the latest measured visit (ADR 0005, lines 183–186, 236–239).
 * One row per enrolment from the read model {@code chronic.visit_period} (ADR 0006); a window cut
 * before today, whose read-model row would count later visits, is computed from the follow-ups in
 * one pass with a window function instead. Counts are cached per scope and period.
 */
@Component
class PeriodCounts {

  record Count(String facilityCode, String disease, long managed, long standard, long controlled) {}

  /** Managed in the period: enrolled by its end, and managed or ended inside it. */
  static final String MANAGED_IN =
      " WHERE e.enrolled_on <= :end AND (e.status = 'MANAGED' OR e.status_on >= :start)";

  static final String STANDARD =
      "CASE WHEN COALESCE(p.quarters, 0) >= :lastQ + 1 - CASE WHEN e.enrolled_on >= :start"
          + " THEN EXTRACT(QUARTER FROM e.enrolled_on) ELSE :firstQ END THEN 1 ELSE 0 END";

  static final String CONTROLLED = "CASE WHEN p.controlled THEN 1 ELSE 0 END";

  private static final String READ_MODEL =
      " LEFT JOIN chronic.visit_period p ON p.enrolment_id = e.id AND p.year = :year"
          + " AND p.quarter = :pq";

  private static final String FROM_FOLLOW_UPS =
      " LEFT JOIN (SELECT v.enrolment_id,"
          + " COUNT(DISTINCT CASE WHEN v.mode <> 'PHONE' THEN EXTRACT(QUARTER FROM v.visit_on) END)"
          + " AS quarters,"
          + " MAX(CASE WHEN v.rn = 1 AND v.measured = 1 AND v.controlled THEN 1 ELSE 0 END) = 1"
          + " AS controlled FROM (SELECT x.enrolment_id, x.visit_on, x.mode, x.controlled,"
          + " CASE WHEN "
          + VisitPeriods.MEASURED
          + " THEN 1 ELSE 0 END AS measured, ROW_NUMBER() OVER (PARTITION BY x.enrolment_id,"
          + " CASE WHEN "
          + VisitPeriods.MEASURED
          + " THEN 1 ELSE 0 END ORDER BY x.visit_on DESC, x.id DESC) AS rn"
          + " FROM chronic.follow_up x WHERE NOT x.voided AND x.visit_on BETWEEN :start AND :end) v"
          + " GROUP BY v.enrolment_id) p ON p.enrolment_id = e.id";

  private final JdbcClient jdbc;
  private final IndicatorCache cache;

  PeriodCounts(JdbcClient jdbc, IndicatorCache cache) {
    this.jdbc = jdbc;
    this.cache = cache;
  }

  /** The join that gives {@code p.quarters} and {@code p.controlled} per enrolment. */
  static String visits(PeriodWindow w) {
    return w.wholePeriod(LocalDate.now()) ? READ_MODEL : FROM_FOLLOW_UPS;
  }

  List<Count> of(Actor actor, PeriodWindow w) {
    return cache.get(
        new IndicatorCache.Key(
            IndicatorCache.Kind.PERIOD, PeriodWindow.scopeKey(actor), w.start(), w.end(), ""),
        () -> compute(actor, w, visits(w)));
  }

  /** Uncached, with the given source: {@link #visits} or, for comparison, always the follow-ups. */
  List<Count> compute(Actor actor, PeriodWindow w, String visits) {
    return w.bind(
            jdbc.sql(
                "SELECT e.responsible_facility_code, e.disease, COUNT(*), SUM("
                    + STANDARD
                    + "), SUM("
                    + CONTROLLED
                    + ") FROM chronic.enrolment e"
                    + visits
                    + MANAGED_IN
                    + PeriodWindow.scope(actor, "e.responsible_facility_code")
                    + " GROUP BY e.responsible_facility_code, e.disease"),
            actor)
        .query(
            (rs, i) ->
                new Count(
                    rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
        .list();
  }

  static String fromFollowUps() {
    return FROM_FOLLOW_UPS;
  }
}
