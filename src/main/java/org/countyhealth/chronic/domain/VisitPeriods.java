package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.util.List;
import org.countyhealth.chronic.rules.Schedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The indicator read model (V3_0_3, docs/adr/0006): per enrolment and quarter or year, the quarters
 * with a face-to-face follow-up and the verdict of the latest measured follow-up; per enrolment the
 * latest measured follow-up of all time. Recomputed from the enrolment's follow-ups in the
 * transaction that records or voids one, under the enrolment's row lock.
 */
@Component
class VisitPeriods {

  /** A follow-up that counts for control: BP for hypertension, fasting glucose for diabetes. */
  static final String MEASURED =
      "((x.disease = 'DIABETES' AND x.fasting_glucose IS NOT NULL)"
          + " OR (x.disease = 'HYPERTENSION' AND x.systolic IS NOT NULL))";

  private record Visit(long id, LocalDate on, boolean face, boolean measured, boolean controlled) {}

  private final JdbcClient jdbc;

  VisitPeriods(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Recomputes the enrolment's rows of {@code year} and its latest measured follow-up. */
  void refresh(long enrolmentId, int year) {
    List<Visit> visits =
        jdbc.sql(
                "SELECT x.id, x.visit_on, x.mode, CASE WHEN "
                    + MEASURED
                    + " THEN 1 ELSE 0 END, x.controlled FROM chronic.follow_up x"
                    + " WHERE x.enrolment_id = ? AND NOT x.voided AND x.visit_on BETWEEN ? AND ?"
                    + " ORDER BY x.visit_on, x.id")
            .params(enrolmentId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
            .query(
                (rs, i) ->
                    new Visit(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        !"PHONE".equals(rs.getString(3)),
                        rs.getInt(4) == 1,
                        rs.getBoolean(5)))
            .list();
    jdbc.sql("DELETE FROM chronic.visit_period WHERE enrolment_id = ? AND year = ?")
        .params(enrolmentId, year)
        .update();
    for (int q = 0; q <= 4; q++) {
      final int period = q;
      List<Visit> in =
          visits.stream().filter(v -> period == 0 || Schedule.quarter(v.on()) == period).toList();
      if (in.isEmpty()) {
        continue;
      }
      long quarters =
          in.stream().filter(Visit::face).map(v -> Schedule.quarter(v.on())).distinct().count();
      Visit latest = null;
      for (Visit v : in) {
        if (v.measured()) {
          latest = v; // ascending by date then id: the last one wins
        }
      }
      jdbc.sql(
              "INSERT INTO chronic.visit_period (year, quarter, enrolment_id, quarters, latest_id,"
                  + " controlled) VALUES (?, ?, ?, ?, ?, ?)")
          .params(
              year,
              q,
              enrolmentId,
              (int) quarters,
              latest == null ? null : latest.id(),
              latest != null && latest.controlled())
          .update();
    }
    refreshLatest(enrolmentId);
  }

  private void refreshLatest(long enrolmentId) {
    List<Object[]> latest =
        jdbc.sql(
                "SELECT x.visit_on, x.controlled FROM chronic.follow_up x WHERE x.enrolment_id = ?"
                    + " AND NOT x.voided AND "
                    + MEASURED
                    + " ORDER BY x.visit_on DESC, x.id DESC LIMIT 1")
            .param(enrolmentId)
            .query((rs, i) -> new Object[] {rs.getObject(1, LocalDate.class), rs.getBoolean(2)})
            .list();
    jdbc.sql(
            "UPDATE chronic.enrolment SET last_measured_on = ?, last_measured_controlled = ?"
                + " WHERE id = ?")
        .params(
            latest.isEmpty() ? null : latest.get(0)[0],
            latest.isEmpty() ? null : latest.get(0)[1],
            enrolmentId)
        .update();
  }

  /**
   * Rebuilds the whole read model from the follow-ups in set-based statements (the backfill of
   * V3_0_3); for data loaded around the services, such as the benchmark's.
   */
  void rebuild() {
    jdbc.sql("DELETE FROM chronic.reading_tally").update();
    jdbc.sql(
            "INSERT INTO chronic.reading_tally (year, facility_code, visits, below, above)"
                + " SELECT CAST(EXTRACT(YEAR FROM visit_on) AS INT), facility_code, COUNT(*),"
                + " SUM(CASE WHEN systolic BETWEEN 130 AND 139 THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN systolic BETWEEN 140 AND 149 THEN 1 ELSE 0 END)"
                + " FROM chronic.follow_up WHERE NOT voided"
                + " GROUP BY CAST(EXTRACT(YEAR FROM visit_on) AS INT), facility_code")
        .update();
    jdbc.sql("DELETE FROM chronic.visit_period").update();
    for (String period : List.of("q", "0")) {
      boolean year = period.equals("0");
      jdbc.sql(
              "INSERT INTO chronic.visit_period (year, quarter, enrolment_id, quarters, latest_id,"
                  + " controlled) SELECT y, "
                  + period
                  + ", enrolment_id, "
                  + (year ? "COUNT(DISTINCT CASE WHEN face = 1 THEN q END)" : "MAX(face)")
                  + ", MAX(CASE WHEN measured = 1 AND rn = 1 THEN id END),"
                  + " MAX(CASE WHEN measured = 1 AND rn = 1 AND controlled THEN 1 ELSE 0 END) = 1"
                  + " FROM (SELECT v.*, ROW_NUMBER() OVER (PARTITION BY enrolment_id, y, "
                  + (year ? "" : "q, ")
                  + "measured ORDER BY visit_on DESC, id DESC) AS rn FROM (SELECT x.enrolment_id,"
                  + " x.id, x.visit_on, x.controlled, CAST(EXTRACT(YEAR FROM x.visit_on) AS INT) AS y,"
                  + " CAST(EXTRACT(QUARTER FROM x.visit_on) AS INT) AS q,"
                  + " CASE WHEN x.mode <> 'PHONE' THEN 1 ELSE 0 END AS face,"
                  + " CASE WHEN "
                  + MEASURED
                  + " THEN 1 ELSE 0 END AS measured FROM chronic.follow_up x WHERE NOT x.voided) v) r"
                  + " GROUP BY y, "
                  + (year ? "" : "q, ")
                  + "enrolment_id")
          .update();
    }
    jdbc.sql(
            "UPDATE chronic.enrolment SET last_measured_on = (SELECT MAX(x.visit_on)"
                + " FROM chronic.follow_up x WHERE x.enrolment_id = chronic.enrolment.id"
                + " AND NOT x.voided AND "
                + MEASURED
                + "), last_measured_controlled = (SELECT x.controlled FROM chronic.follow_up x"
                + " WHERE x.enrolment_id = chronic.enrolment.id AND NOT x.voided AND "
                + MEASURED
                + " ORDER BY x.visit_on DESC, x.id DESC LIMIT 1)")
        .update();
  }
}
