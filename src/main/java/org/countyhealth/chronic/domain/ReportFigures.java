package org.countyhealth.chronic.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.rules.ReportingLine.Period;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of a period report: the facility's own figures from {@link PeriodIndicators} (the
 * same definitions as the dashboard) and the QC findings on it, stored as numerators and
 * denominators so that the level above sums them rather than averaging rates.
 */
@Component
class ReportFigures {

  private final JdbcClient jdbc;
  private final PeriodIndicators indicators;

  ReportFigures(JdbcClient jdbc, PeriodIndicators indicators) {
    this.jdbc = jdbc;
    this.indicators = indicators;
  }

  /**
   * A facility's own figures for the period. The submitter acts for his facility only: the
   * indicator query runs with the scope narrowed to that one facility, so a village doctor (who has
   * no dashboard privilege) reports exactly his clinic's patients.
   */
  Map<Disease, ReportFigure> own(Actor actor, String facility, Period period, LocalDate today) {
    Actor forFacility =
        new Actor(
            actor.accountId(),
            actor.username(),
            actor.displayName(),
            actor.staffId(),
            facility,
            actor.roles(),
            Set.of(Privilege.INDICATOR_VIEW.name()),
            DataScope.of(Set.of(facility)));
    Map<Disease, ReportFigure> m = zero();
    for (var row :
        indicators.rows(
            forFacility,
            period.year(),
            period.quarterOrNull(),
            PeriodIndicators.By.FACILITY,
            today)) {
      if (facility.equals(row.key())) {
        Disease d = Disease.valueOf(row.disease());
        m.put(
            d,
            new ReportFigure(
                d,
                row.managed(),
                row.standard(),
                row.controlled(),
                row.estimated(),
                0,
                0,
                0,
                0,
                0,
                0));
      }
    }
    long[] fv =
        jdbc.sql(
                "SELECT COALESCE(SUM(first_visit_checked), 0), COALESCE(SUM(first_visit_measured), 0)"
                    + " FROM chronic.qc_plan WHERE checked_facility_code = ? AND year = ?"
                    + " AND quarter BETWEEN ? AND ? AND first_visit_checked IS NOT NULL")
            .params(facility, period.year(), first(period), last(period))
            .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .single();
    jdbc.sql(
            "SELECT s.disease, COUNT(*), SUM(CASE WHEN s.authentic THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN s.conforming THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN s.controlled THEN 1 ELSE 0 END)"
                + " FROM chronic.qc_sample s JOIN chronic.qc_plan p ON p.id = s.plan_id"
                + " WHERE p.checked_facility_code = ? AND p.year = ? AND p.quarter BETWEEN ? AND ?"
                + " AND s.checked_at IS NOT NULL GROUP BY s.disease")
        .params(facility, period.year(), first(period), last(period))
        .query(
            (rs, i) -> {
              Disease d = Disease.valueOf(rs.getString(1));
              ReportFigure f = m.get(d);
              return m.put(
                  d,
                  new ReportFigure(
                      d,
                      f.managed(),
                      f.standard(),
                      f.controlled(),
                      f.estimated(),
                      0,
                      0,
                      rs.getLong(2),
                      rs.getLong(3),
                      rs.getLong(4),
                      rs.getLong(5)));
            })
        .list();
    // The first-visit check of line 92 concerns blood pressure: it is carried on hypertension.
    ReportFigure ht = m.get(Disease.HYPERTENSION);
    m.put(
        Disease.HYPERTENSION,
        new ReportFigure(
            ht.disease(),
            ht.managed(),
            ht.standard(),
            ht.controlled(),
            ht.estimated(),
            fv[0],
            fv[1],
            ht.qcCharts(),
            ht.qcAuthentic(),
            ht.qcConforming(),
            ht.qcControlled()));
    return m;
  }

  /** The sum of the locked member reports' totals (numerators and denominators). */
  Map<Disease, ReportFigure> memberTotals(String upper, Period period) {
    Map<Disease, ReportFigure> m = zero();
    jdbc.sql(
            "SELECT f.disease, SUM(f.managed), SUM(f.standard), SUM(f.controlled), SUM(f.estimated),"
                + " SUM(f.first_visit_checked), SUM(f.first_visit_measured), SUM(f.qc_charts),"
                + " SUM(f.qc_authentic), SUM(f.qc_conforming), SUM(f.qc_controlled)"
                + " FROM chronic.period_report r JOIN chronic.period_report_figure f"
                + " ON f.report_id = r.id AND f.part = 'TOTAL' WHERE r.upper_code = ? AND r.year = ?"
                + " AND r.quarter = ? AND r.status = 'LOCKED' GROUP BY f.disease")
        .params(upper, period.year(), period.quarter())
        .query(
            (rs, i) -> {
              ReportFigure figure = figure(rs);
              return m.put(figure.disease(), figure);
            })
        .list();
    return m;
  }

  void store(long reportId, String part, Map<Disease, ReportFigure> figures) {
    for (ReportFigure f : figures.values()) {
      jdbc.sql(
              "INSERT INTO chronic.period_report_figure (report_id, part, disease, managed, standard,"
                  + " controlled, estimated, first_visit_checked, first_visit_measured, qc_charts,"
                  + " qc_authentic, qc_conforming, qc_controlled)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              reportId,
              part,
              f.disease().name(),
              f.managed(),
              f.standard(),
              f.controlled(),
              f.estimated(),
              f.firstVisitChecked(),
              f.firstVisitMeasured(),
              f.qcCharts(),
              f.qcAuthentic(),
              f.qcConforming(),
              f.qcControlled())
          .update();
    }
  }

  void discard(long reportId) {
    jdbc.sql("DELETE FROM chronic.period_report_figure WHERE report_id = ?")
        .param(reportId)
        .update();
  }

  List<ReportFigure> read(long reportId, String part) {
    List<ReportFigure> list = new ArrayList<>();
    jdbc.sql(
            "SELECT disease, managed, standard, controlled, estimated, first_visit_checked,"
                + " first_visit_measured, qc_charts, qc_authentic, qc_conforming, qc_controlled"
                + " FROM chronic.period_report_figure WHERE report_id = ? AND part = ?"
                + " ORDER BY CASE disease WHEN 'HYPERTENSION' THEN 0 ELSE 1 END")
        .params(reportId, part)
        .query((rs, i) -> list.add(figure(rs)))
        .list();
    return list;
  }

  static Map<Disease, ReportFigure> sum(
      Map<Disease, ReportFigure> a, Map<Disease, ReportFigure> b) {
    Map<Disease, ReportFigure> m = new EnumMap<>(Disease.class);
    for (Disease d : Disease.values()) {
      m.put(d, a.get(d).plus(b.get(d)));
    }
    return m;
  }

  private static Map<Disease, ReportFigure> zero() {
    Map<Disease, ReportFigure> m = new EnumMap<>(Disease.class);
    for (Disease d : Disease.values()) {
      m.put(d, new ReportFigure(d, 0, 0, 0, null, 0, 0, 0, 0, 0, 0));
    }
    return m;
  }

  private static int first(Period p) {
    return p.quarter() == 0 ? 1 : p.quarter();
  }

  private static int last(Period p) {
    return p.quarter() == 0 ? 4 : p.quarter();
  }

  /** A figure row: disease, then the ten counts in ReportFigure's order (column 5 nullable). */
  private static ReportFigure figure(ResultSet rs) throws SQLException {
    return new ReportFigure(
        Disease.valueOf(rs.getString(1)),
        rs.getLong(2),
        rs.getLong(3),
        rs.getLong(4),
        rs.getObject(5) == null ? null : rs.getLong(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getLong(8),
        rs.getLong(9),
        rs.getLong(10),
        rs.getLong(11));
  }
}
