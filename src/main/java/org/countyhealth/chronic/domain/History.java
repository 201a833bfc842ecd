package org.countyhealth.chronic.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.Grade;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A patient's follow-ups and grade changes; voiding a follow-up (never deleting it). */
@Service
@Transactional
public class History {

  private final JdbcClient jdbc;
  private final Access access;
  private final AuditTrail audit;
  private final FollowUpVoids voids;

  History(JdbcClient jdbc, Access access, AuditTrail audit, FollowUpVoids voids) {
    this.jdbc = jdbc;
    this.access = access;
    this.audit = audit;
    this.voids = voids;
  }

  public record Visit(
      long id,
      String disease,
      LocalDate visitOn,
      String mode,
      Integer systolic,
      Integer diastolic,
      BigDecimal fastingGlucose,
      BigDecimal hba1c,
      LocalDate hba1cOn,
      BigDecimal bmi,
      String classification,
      Grade grade,
      LocalDate nextVisitOn,
      String emergencyReasons,
      boolean voided,
      String voidReason,
      boolean education) {}

  public record Change(String disease, Grade from, Grade to, LocalDate on, String reason) {}

  @Transactional(readOnly = true)
  public List<Visit> visits(Actor actor, long residentId) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    access.resident(actor, residentId);
    audit.describe("CHRONIC_READ", "Resident", String.valueOf(residentId));
    return jdbc.sql(
            "SELECT id, disease, visit_on, mode, systolic, diastolic, fasting_glucose, hba1c,"
                + " hba1c_on, bmi, classification, grade, next_visit_on, emergency_reasons, voided,"
                + " void_reason, education"
                + " FROM chronic.follow_up WHERE resident_id = ? ORDER BY visit_on, id")
        .param(residentId)
        .query(
            (rs, i) ->
                new Visit(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getObject(3, LocalDate.class),
                    rs.getString(4),
                    (Integer) rs.getObject(5, Integer.class),
                    (Integer) rs.getObject(6, Integer.class),
                    rs.getBigDecimal(7),
                    rs.getBigDecimal(8),
                    rs.getObject(9, LocalDate.class),
                    rs.getBigDecimal(10),
                    rs.getString(11),
                    Grade.valueOf(rs.getString(12)),
                    rs.getObject(13, LocalDate.class),
                    rs.getString(14),
                    rs.getBoolean(15),
                    rs.getString(16),
                    rs.getBoolean(17)))
        .list();
  }

  @Transactional(readOnly = true)
  public List<Change> changes(Actor actor, long residentId) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    access.resident(actor, residentId);
    return jdbc.sql(
            "SELECT e.disease, g.from_grade, g.to_grade, g.changed_on, g.reason"
                + " FROM chronic.grade_change g JOIN chronic.enrolment e ON e.id = g.enrolment_id"
                + " WHERE g.resident_id = ? ORDER BY g.changed_on DESC, g.id DESC")
        .param(residentId)
        .query(
            (rs, i) ->
                new Change(
                    rs.getString(1),
                    rs.getString(2) == null ? null : Grade.valueOf(rs.getString(2)),
                    Grade.valueOf(rs.getString(3)),
                    rs.getObject(4, LocalDate.class),
                    rs.getString(5)))
        .list();
  }

  /**
   * Voids a follow-up with a reason; the schedule, grade and indicators follow the remaining
   * follow-ups ({@link FollowUpVoids}).
   */
  public void voidVisit(Actor actor, long followUpId, String reason) {
    voids.voidVisit(actor, followUpId, reason);
  }
}
