package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.Grade;
import org.countyhealth.chronic.rules.Classification;
import org.countyhealth.chronic.rules.LevelChange;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Voids a follow-up (never deletes it). When it was the patient's latest, the grade, the schedule
 * (next date and its reason), the control state and the last visit date are taken again from the
 * latest remaining follow-up, or from the enrolment when none remains; the indicator read model of
 * its year is recomputed in the same transaction.
 */
@Component
@Transactional
class FollowUpVoids {

  private record Voided(
      long residentId, long enrolmentId, LocalDate on, String facility, Integer systolic) {}

  private record Remaining(
      long id,
      LocalDate on,
      Grade grade,
      LocalDate next,
      String classification,
      boolean controlled) {}

  private final JdbcClient jdbc;
  private final Access access;
  private final AuditTrail audit;
  private final VisitPeriods periods;
  private final ReadingTally tally;
  private final ApplicationEventPublisher events;

  FollowUpVoids(
      JdbcClient jdbc,
      Access access,
      AuditTrail audit,
      VisitPeriods periods,
      ReadingTally tally,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.access = access;
    this.audit = audit;
    this.periods = periods;
    this.tally = tally;
    this.events = events;
  }

  void voidVisit(Actor actor, long followUpId, String reason) {
    Access.require(actor, Privilege.CHRONIC_EDIT);
    if (reason == null || reason.isBlank()) {
      throw new BusinessException("CHRONIC_REASON_REQUIRED", "请填写作废原因", "reason");
    }
    Voided v =
        jdbc.sql(
                "SELECT resident_id, enrolment_id, visit_on, facility_code, systolic"
                    + " FROM chronic.follow_up"
                    + " WHERE id = ? AND NOT voided")
            .param(followUpId)
            .query(
                (rs, i) ->
                    new Voided(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, LocalDate.class),
                        rs.getString(4),
                        (Integer) rs.getObject(5, Integer.class)))
            .optional()
            .orElseThrow(FollowUpVoids::notFound);
    access.resident(actor, v.residentId());
    // The enrolment's row serialises this with a follow-up recorded at the same time.
    jdbc.sql("SELECT id FROM chronic.enrolment WHERE id = ? FOR UPDATE")
        .param(v.enrolmentId())
        .query(Long.class)
        .single();
    int changed =
        jdbc.sql(
                "UPDATE chronic.follow_up SET voided = TRUE, void_reason = ?, voided_by = ?,"
                    + " voided_at = ? WHERE id = ? AND NOT voided")
            .params(reason.strip(), actor.username(), LocalDateTime.now(), followUpId)
            .update();
    if (changed == 0) {
      throw notFound();
    }
    Remaining latest =
        jdbc.sql(
                "SELECT id, visit_on, grade, next_visit_on, classification, controlled"
                    + " FROM chronic.follow_up WHERE enrolment_id = ? AND NOT voided"
                    + " ORDER BY visit_on DESC, id DESC LIMIT 1")
            .param(v.enrolmentId())
            .query(
                (rs, i) ->
                    new Remaining(
                        rs.getLong(1),
                        rs.getObject(2, LocalDate.class),
                        Grade.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class),
                        rs.getString(5),
                        rs.getBoolean(6)))
            .optional()
            .orElse(null);
    boolean wasLatest =
        latest == null
            || v.on().isAfter(latest.on())
            || (v.on().equals(latest.on()) && followUpId > latest.id());
    if (wasLatest) {
      restore(v.enrolmentId(), latest);
    }
    periods.refresh(v.enrolmentId(), v.on().getYear());
    tally.count(v.on(), v.facility(), v.systolic(), -1);
    events.publishEvent(IndicatorInputsChanged.on(v.on()));
    audit.describe("CHRONIC_FOLLOW_UP_VOID", "Resident", String.valueOf(v.residentId()));
  }

  /** The enrolment as the latest remaining follow-up left it (as enrolled when none remains). */
  private void restore(long enrolmentId, Remaining latest) {
    EnrolmentRow e =
        jdbc.sql("SELECT " + EnrolmentRow.COLUMNS + " FROM chronic.enrolment WHERE id = ?")
            .param(enrolmentId)
            .query(EnrolmentRow::map)
            .single();
    Grade grade = latest == null ? Grade.YELLOW : latest.grade();
    jdbc.sql(
            "UPDATE chronic.enrolment SET grade = ?, management_level = ?, last_visit_on = ?,"
                + " next_visit_on = ?, next_reason = ?, uncontrolled = ?, version = version + 1"
                + " WHERE id = ?")
        .params(
            grade.name(),
            LevelChange.managementLevel(e.disease(), grade),
            latest == null ? null : latest.on(),
            latest == null ? e.enrolledOn().plusWeeks(2) : latest.next(),
            latest == null
                ? "ROUTINE"
                : FollowUps.nextReason(Classification.Result.valueOf(latest.classification())),
            latest != null && !latest.controlled(),
            enrolmentId)
        .update();
    if (grade != e.grade()) {
      Grades.record(
          jdbc,
          enrolmentId,
          e.residentId(),
          e.grade(),
          grade,
          LocalDate.now(),
          "随访记录作废，按此前随访重新评定",
          latest == null ? null : latest.id());
    }
  }

  private static NotFound notFound() {
    return new NotFound("CHRONIC_FOLLOW_UP_NOT_FOUND", "未找到该随访记录");
  }
}
