package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.Grade;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The worklists of the village doctor and the team, each one SQL statement with the data scope in
 * its WHERE clause, sorted by grade (red first) then days overdue. "Mine" restricts to the patients
 * whose responsible doctor is the actor's staff member.
 */
@Service
@Transactional(readOnly = true)
public class Worklists {

  public enum Kind {
    DUE_THIS_WEEK("本周应随访"),
    OVERDUE("逾期未随访"),
    REVISIT("两周内复诊"),
    REFERRAL_CHECK("待随访转诊结果"),
    NO_VISIT_QUARTER("本季度未随访"),
    LOST("失访（12个月未随访）"),
    SUSPECTED("疑似病例待确诊"),
    HIGH_RISK("高危人群待复测");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One line of a worklist; {@code enrolmentId} or {@code suggestionId} may be null. */
  public record Item(
      Long enrolmentId,
      Long suggestionId,
      long residentId,
      String name,
      String sex,
      LocalDate birthDate,
      String disease,
      Grade grade,
      LocalDate dueOn,
      LocalDate lastVisitOn,
      String facilityName,
      String note,
      long daysOverdue) {

    public String gradeClass() {
      return grade == null ? "" : "grade-" + grade.name();
    }
  }

  private static final String GRADE_ORDER =
      "CASE e.grade WHEN 'RED' THEN 0 WHEN 'YELLOW' THEN 1 WHEN 'GREEN' THEN 2 ELSE 3 END";

  private static final String ENROLMENTS =
      "SELECT e.id AS enrolment_id, CAST(NULL AS BIGINT) AS suggestion_id, e.resident_id, r.name, r.sex,"
          + " r.birth_date, e.disease, e.grade, e.next_visit_on AS due_on, e.last_visit_on,"
          + " f.name AS facility_name, e.next_reason AS note FROM chronic.enrolment e"
          + " JOIN residents.resident r ON r.id = e.resident_id"
          + " LEFT JOIN organization.facility f ON f.licence_code = e.responsible_facility_code"
          + " WHERE e.status = 'MANAGED'";

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  Worklists(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  public List<Item> list(Actor actor, Kind kind, boolean mine, LocalDate today) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    if (kind == null) {
      throw new BusinessException("CHRONIC_WORKLIST_UNKNOWN", "未知的工作清单");
    }
    if (mine && actor.staffId() == null) {
      return List.of();
    }
    if (!actor.scope().all() && actor.scope().licenceCodes().isEmpty()) {
      return List.of();
    }
    audit.describe("CHRONIC_WORKLIST", "Worklist", kind.name());
    String scope = actor.scope().all() ? "" : " AND e.responsible_facility_code IN (:codes)";
    String my = mine ? " AND e.responsible_doctor_id = :staff" : "";
    String order = " ORDER BY " + GRADE_ORDER + ", due_on, e.id LIMIT 500";
    LocalDate quarterStart = today.with(IsoFields.DAY_OF_QUARTER, 1);
    String sql =
        switch (kind) {
          case DUE_THIS_WEEK ->
              ENROLMENTS + " AND e.next_visit_on BETWEEN :today AND :weekEnd" + scope + my + order;
          case OVERDUE -> ENROLMENTS + " AND e.next_visit_on < :today" + scope + my + order;
          case REVISIT -> ENROLMENTS + " AND e.next_reason = 'REVISIT'" + scope + my + order;
          case NO_VISIT_QUARTER ->
              ENROLMENTS
                  + " AND (e.last_visit_on IS NULL OR e.last_visit_on < :quarterStart)"
                  + scope
                  + my
                  + order;
          case LOST ->
              ENROLMENTS
                  + " AND COALESCE(e.last_visit_on, e.enrolled_on) < :yearAgo"
                  + scope
                  + my
                  + order;
          case REFERRAL_CHECK ->
              "SELECT s.enrolment_id, s.id AS suggestion_id, s.resident_id, r.name, r.sex,"
                  + " r.birth_date, s.disease, e.grade, s.check_by AS due_on, e.last_visit_on,"
                  + " f.name AS facility_name, s.reason AS note FROM chronic.referral_suggestion s"
                  + " JOIN residents.resident r ON r.id = s.resident_id"
                  + " LEFT JOIN chronic.enrolment e ON e.id = s.enrolment_id"
                  + " LEFT JOIN organization.facility f ON f.licence_code = s.facility_code"
                  + " WHERE NOT s.checked AND s.status <> 'DISMISSED'"
                  + (actor.scope().all() ? "" : " AND s.facility_code IN (:codes)")
                  + my
                  + order.replace("e.id", "s.id");
          case SUSPECTED ->
              "SELECT CAST(NULL AS BIGINT) AS enrolment_id, CAST(NULL AS BIGINT) AS suggestion_id, s.resident_id, r.name, r.sex,"
                  + " r.birth_date, 'HYPERTENSION' AS disease, CAST(NULL AS VARCHAR(6)) AS grade,"
                  + " MAX(s.measured_on) AS due_on, CAST(NULL AS DATE) AS last_visit_on, MAX(f.name) AS facility_name,"
                  + " CAST(NULL AS VARCHAR(10)) AS note FROM chronic.screening s"
                  + " JOIN residents.resident r ON r.id = s.resident_id"
                  + " LEFT JOIN organization.facility f ON f.licence_code = s.facility_code"
                  + " WHERE s.outcome = 'SUSPECTED' AND NOT s.confirmed"
                  + (actor.scope().all() ? "" : " AND s.facility_code IN (:codes)")
                  + " GROUP BY s.resident_id, r.name, r.sex, r.birth_date"
                  + " ORDER BY due_on, s.resident_id LIMIT 500";
          case HIGH_RISK ->
              "SELECT CAST(NULL AS BIGINT) AS enrolment_id, CAST(NULL AS BIGINT) AS suggestion_id, h.resident_id, r.name, r.sex,"
                  + " r.birth_date, h.disease, CAST(NULL AS VARCHAR(6)) AS grade, h.next_measure_on AS due_on,"
                  + " h.measured_on AS last_visit_on, f.name AS facility_name, h.factors AS note"
                  + " FROM chronic.high_risk h JOIN residents.resident r ON r.id = h.resident_id"
                  + " LEFT JOIN organization.facility f ON f.licence_code = h.facility_code"
                  + " WHERE h.next_measure_on <= :weekEnd AND NOT EXISTS (SELECT 1 FROM"
                  + " chronic.enrolment x WHERE x.resident_id = h.resident_id AND x.disease ="
                  + " h.disease AND x.status = 'MANAGED')"
                  + (actor.scope().all() ? "" : " AND h.facility_code IN (:codes)")
                  + " ORDER BY h.next_measure_on, h.id LIMIT 500";
        };
    var spec = jdbc.sql(sql);
    Map<String, Object> params =
        Map.of(
            "today",
            today,
            "weekEnd",
            today.plusDays(6),
            "quarterStart",
            quarterStart,
            "yearAgo",
            today.minusMonths(12));
    for (var p : params.entrySet()) {
      if (sql.contains(":" + p.getKey())) {
        spec = spec.param(p.getKey(), p.getValue());
      }
    }
    if (sql.contains(":codes")) {
      spec = spec.param("codes", List.copyOf(actor.scope().licenceCodes()));
    }
    if (sql.contains(":staff")) {
      spec = spec.param("staff", actor.staffId());
    }
    return spec.query(
            (rs, i) -> {
              LocalDate due = rs.getObject("due_on", LocalDate.class);
              String grade = rs.getString("grade");
              return new Item(
                  (Long) rs.getObject("enrolment_id", Long.class),
                  (Long) rs.getObject("suggestion_id", Long.class),
                  rs.getLong("resident_id"),
                  rs.getString("name"),
                  rs.getString("sex"),
                  rs.getObject("birth_date", LocalDate.class),
                  rs.getString("disease"),
                  grade == null ? null : Grade.valueOf(grade),
                  due,
                  rs.getObject("last_visit_on", LocalDate.class),
                  rs.getString("facility_name"),
                  rs.getString("note"),
                  due == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(due, today)));
            })
        .list();
  }
}
