package org.countyhealth.chronic.domain;

import java.util.List;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quality-control indicators of 000_65944b5c5b97f013.txt lines 92–99, over the checked charts
 * of the actor's plans for a quarter (or of one plan), each with its target.
 */
@Service
@Transactional(readOnly = true)
public class QcIndicators {

  public record Figure(String name, long numerator, long denominator, int target) {
    public Double rate() {
      return denominator == 0 ? null : Math.round(numerator * 1000.0 / denominator) / 10.0;
    }

    public boolean met() {
      Double r = rate();
      return r != null && r >= target;
    }
  }

  private final JdbcClient jdbc;

  QcIndicators(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Figure> quarter(Actor actor, int year, int quarter, Long planId) {
    Access.require(actor, Privilege.QUALITY_CONTROL);
    String where =
        " WHERE p.checker_facility_code = :me AND p.year = :y AND p.quarter = :q"
            + (planId == null ? "" : " AND p.id = :plan");
    var fv =
        bind(
                jdbc.sql(
                    "SELECT COALESCE(SUM(p.first_visit_measured), 0), COALESCE(SUM(p.first_visit_checked), 0)"
                        + " FROM chronic.qc_plan p"
                        + where),
                actor,
                year,
                quarter,
                planId)
            .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .single();
    var charts =
        bind(
                jdbc.sql(
                    "SELECT s.disease, COUNT(*) AS n,"
                        + " SUM(CASE WHEN s.authentic THEN 1 ELSE 0 END) AS a,"
                        + " SUM(CASE WHEN s.conforming THEN 1 ELSE 0 END) AS c,"
                        + " SUM(CASE WHEN s.controlled THEN 1 ELSE 0 END) AS k"
                        + " FROM chronic.qc_sample s JOIN chronic.qc_plan p ON p.id = s.plan_id"
                        + where
                        + " AND s.checked_at IS NOT NULL GROUP BY s.disease"),
                actor,
                year,
                quarter,
                planId)
            .query(
                (rs, i) ->
                    new Object[] {
                      rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)
                    })
            .list();
    long[] ht = counts(charts, "HYPERTENSION");
    long[] dm = counts(charts, "DIABETES");
    return List.of(
        new Figure("质控首诊测血压率", fv[0], fv[1], 95),
        new Figure("质控高血压真实率", ht[1], ht[0], 90),
        new Figure("质控高血压规范管理率", ht[2], ht[0], 60),
        new Figure("质控高血压控制率", ht[3], ht[0], 40),
        new Figure("质控糖尿病真实率", dm[1], dm[0], 90),
        new Figure("质控糖尿病规范管理率", dm[2], dm[0], 60),
        new Figure("质控糖尿病控制率", dm[3], dm[0], 40));
  }

  private static JdbcClient.StatementSpec bind(
      JdbcClient.StatementSpec spec, Actor actor, int year, int quarter, Long planId) {
    spec = spec.param("me", actor.facilityCode()).param("y", year).param("q", quarter);
    return planId == null ? spec : spec.param("plan", planId);
  }

  private static long[] counts(List<Object[]> rows, String disease) {
    for (Object[] r : rows) {
      if (disease.equals(r[0])) {
        return new long[] {(Long) r[1], (Long) r[2], (Long) r[3], (Long) r[4]};
      }
    }
    return new long[4];
  }
}
