package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.EnrolmentRequest;
import org.countyhealth.chronic.Grade;
import org.countyhealth.chronic.rules.LevelChange;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry per disease: enrolment, status (managed, transferred, lost, died, refused) with
 * reason, call outcomes of the worklists. One active enrolment per resident and disease.
 */
@Service
@Transactional
public class Registry {

  static final Set<String> STATUSES = Set.of("MANAGED", "TRANSFERRED", "LOST", "DIED", "REFUSED");

  private final JdbcClient jdbc;
  private final Access access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  Registry(JdbcClient jdbc, Access access, AuditTrail audit, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.access = access;
    this.audit = audit;
    this.events = events;
  }

  public long enrol(Actor actor, EnrolmentRequest r) {
    Access.require(actor, Privilege.CHRONIC_EDIT);
    if (r.disease() == null) {
      throw new BusinessException("CHRONIC_DISEASE_REQUIRED", "请选择病种", "disease");
    }
    ResidentSummary resident = access.resident(actor, r.residentId());
    LocalDate on = r.enrolledOn() == null ? LocalDate.now() : r.enrolledOn();
    if (on.isAfter(LocalDate.now())) {
      throw new BusinessException("CHRONIC_DATE_IN_FUTURE", "建档日期不能晚于今天", "enrolledOn");
    }
    String responsible =
        r.responsibleFacilityCode() == null || r.responsibleFacilityCode().isBlank()
            ? resident.facilityCode()
            : r.responsibleFacilityCode();
    if (!actor.scope().includes(responsible)) {
      throw new BusinessException(
          "CHRONIC_FACILITY_OUT_OF_SCOPE", "责任机构须在您的管辖范围内", "responsibleFacilityCode");
    }
    String diagnosing =
        r.diagnosingFacilityCode() == null || r.diagnosingFacilityCode().isBlank()
            ? actor.facilityCode()
            : r.diagnosingFacilityCode();
    // The resident row serialises concurrent enrolments of one person.
    jdbc.sql("SELECT id FROM residents.resident WHERE id = ? FOR UPDATE")
        .param(resident.id())
        .query(Long.class)
        .single();
    long active =
        jdbc.sql(
                "SELECT COUNT(*) FROM chronic.enrolment WHERE resident_id = ? AND disease = ?"
                    + " AND status = 'MANAGED'")
            .params(resident.id(), r.disease().name())
            .query(Long.class)
            .single();
    if (active > 0) {
      throw new BusinessException(
          "CHRONIC_ALREADY_ENROLLED", "该居民已纳入" + r.disease().label() + "患者管理，不能重复建档", "disease");
    }
    Grade grade = Grade.YELLOW;
    long id =
        Rows.insert(
            jdbc.sql(
                    "INSERT INTO chronic.enrolment (resident_id, original_resident_id, disease,"
                        + " enrolled_on, diagnosing_facility_code, grade, management_level,"
                        + " responsible_facility_code, responsible_doctor_id, next_visit_on,"
                        + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                    resident.id(),
                    resident.id(),
                    r.disease().name(),
                    on,
                    diagnosing,
                    grade.name(),
                    LevelChange.managementLevel(r.disease(), grade),
                    responsible,
                    r.responsibleDoctorId(),
                    on.plusWeeks(2),
                    actor.username(),
                    LocalDateTime.now()));
    Grades.record(jdbc, id, resident.id(), null, grade, on, "纳入管理", null);
    // A suspected case of this resident is now settled.
    jdbc.sql("UPDATE chronic.screening SET confirmed = TRUE WHERE resident_id = ?")
        .param(resident.id())
        .update();
    events.publishEvent(IndicatorInputsChanged.since(on));
    audit.describe("CHRONIC_ENROL", "Resident", String.valueOf(resident.id()));
    return id;
  }

  @Transactional(readOnly = true)
  public EnrolmentRow find(Actor actor, long enrolmentId) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    EnrolmentRow row =
        jdbc.sql("SELECT " + EnrolmentRow.COLUMNS + " FROM chronic.enrolment WHERE id = ?")
            .param(enrolmentId)
            .query(EnrolmentRow::map)
            .optional()
            .orElseThrow(() -> new NotFound("CHRONIC_ENROLMENT_NOT_FOUND", "未找到该慢病管理档案"));
    if (!actor.scope().includes(row.responsibleFacilityCode())) {
      access.resident(actor, row.residentId());
    }
    return row;
  }

  @Transactional(readOnly = true)
  public List<EnrolmentRow> ofResident(Actor actor, long residentId) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    access.resident(actor, residentId);
    return jdbc.sql(
            "SELECT "
                + EnrolmentRow.COLUMNS
                + " FROM chronic.enrolment WHERE resident_id = ?"
                + " ORDER BY disease, id DESC")
        .param(residentId)
        .query(EnrolmentRow::map)
        .list();
  }

  /** Ends or resumes management with a reason (迁出, 失访, 死亡, 拒绝). */
  public void changeStatus(Actor actor, long enrolmentId, String status, String reason) {
    Access.require(actor, Privilege.CHRONIC_EDIT);
    EnrolmentRow row = find(actor, enrolmentId);
    if (status == null || !STATUSES.contains(status)) {
      throw new BusinessException("CHRONIC_STATUS_UNKNOWN", "请选择管理状态", "status");
    }
    if (!"MANAGED".equals(status) && (reason == null || reason.isBlank())) {
      throw new BusinessException("CHRONIC_REASON_REQUIRED", "请填写原因", "reason");
    }
    jdbc.sql(
            "UPDATE chronic.enrolment SET status = ?, status_reason = ?, status_on = ?,"
                + " version = version + 1 WHERE id = ?")
        .params(status, reason == null ? null : reason.strip(), LocalDate.now(), row.id())
        .update();
    // The old and the new status date both decide which periods count the patient.
    events.publishEvent(IndicatorInputsChanged.everything());
    audit.describe("CHRONIC_STATUS", "Resident", String.valueOf(row.residentId()));
  }

  /**
   * Outcome of a reminder call from the worklist: reached (comes on {@code date}), remind later (in
   * a week), wrong number (stays on the list), or the registry changes (refused, moved, died).
   */
  public void callOutcome(Actor actor, long enrolmentId, String outcome, LocalDate date) {
    Access.require(actor, Privilege.CHRONIC_EDIT);
    EnrolmentRow row = find(actor, enrolmentId);
    LocalDate today = LocalDate.now();
    switch (outcome == null ? "" : outcome) {
      case "AGREED" -> {
        LocalDate on = date == null ? today.plusDays(1) : date;
        if (on.isBefore(today)) {
          throw new BusinessException("CHRONIC_DATE_IN_PAST", "约定日期不能早于今天", "date");
        }
        reschedule(row.id(), on);
      }
      case "REMIND_LATER" -> reschedule(row.id(), today.plusWeeks(1));
      case "WRONG_NUMBER" -> {}
      case "REFUSED" -> changeStatus(actor, enrolmentId, "REFUSED", "电话随访：拒绝管理");
      case "MOVED" -> changeStatus(actor, enrolmentId, "TRANSFERRED", "电话随访：已迁出");
      case "DIED" -> changeStatus(actor, enrolmentId, "DIED", "电话随访：已死亡");
      default -> throw new BusinessException("CHRONIC_CALL_OUTCOME_UNKNOWN", "请选择联系结果", "outcome");
    }
    audit.describe("CHRONIC_CALL_" + (outcome), "Resident", String.valueOf(row.residentId()));
  }

  private void reschedule(long id, LocalDate on) {
    jdbc.sql("UPDATE chronic.enrolment SET next_visit_on = ?, version = version + 1 WHERE id = ?")
        .params(on, id)
        .update();
  }
}
