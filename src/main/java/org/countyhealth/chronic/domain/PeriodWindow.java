package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.util.List;
import org.countyhealth.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A year ({@code quarter == null}) or a quarter, cut at {@code today}: the quarters owed run from
 * {@code firstQ} to {@code lastQ}. Also the data-scope clause every indicator statement carries.
 */
record PeriodWindow(
    int year, Integer quarter, LocalDate start, LocalDate end, int firstQ, int lastQ) {

  static PeriodWindow of(int year, Integer quarter, LocalDate today) {
    LocalDate start =
        quarter == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, quarter * 3 - 2, 1);
    LocalDate end = quarter == null ? LocalDate.of(year, 12, 31) : start.plusMonths(3).minusDays(1);
    if (end.isAfter(today)) {
      end = today.isBefore(start) ? start : today;
    }
    return new PeriodWindow(
        year,
        quarter,
        start,
        end,
        (start.getMonthValue() - 1) / 3 + 1,
        (end.getMonthValue() - 1) / 3 + 1);
  }

  /**
   * Whether the read model's row of the whole period equals this window: follow-ups are never dated
   * in the future, so a window cut at today (or later) holds every follow-up of its period.
   */
  boolean wholePeriod(LocalDate now) {
    LocalDate natural =
        quarter == null ? LocalDate.of(year, 12, 31) : start.plusMonths(3).minusDays(1);
    return !end.isBefore(natural) || !end.isBefore(now);
  }

  /** The read model's period: 1–4 for a quarter, 0 for the whole year. */
  int readModelQuarter() {
    return quarter == null ? 0 : quarter;
  }

  JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Actor actor) {
    spec =
        spec.param("start", start)
            .param("end", end)
            .param("firstQ", firstQ)
            .param("lastQ", lastQ)
            .param("year", year)
            .param("pq", readModelQuarter());
    return scoped(spec, actor);
  }

  static String scope(Actor actor, String column) {
    return actor.scope().all() ? "" : " AND " + column + " IN (:codes)";
  }

  static JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec spec, Actor actor) {
    return actor.scope().all()
        ? spec
        : spec.param("codes", List.copyOf(actor.scope().licenceCodes()));
  }

  /** The scope as a cache key. */
  static String scopeKey(Actor actor) {
    return actor.scope().all()
        ? "*"
        : String.join(",", new java.util.TreeSet<>(actor.scope().licenceCodes()));
  }
}
