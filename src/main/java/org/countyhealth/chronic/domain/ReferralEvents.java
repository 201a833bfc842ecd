package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.Grade;
import org.countyhealth.chronic.rules.LevelChange;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.DownReferralReceived;
import org.countyhealth.referral.ReferralAccepted;
import org.countyhealth.referral.ReferralClosed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows the referral module (000_65944b5c5b97f013.txt line 23): an accepted up-referral turns the
 * patient red and managed by the county; a received down-referral turns him yellow at a township
 * centre or green at a village clinic; a closed referral records its outcome for the check.
 */
@Component
class ReferralEvents {

  private final JdbcClient jdbc;
  private final Facilities facilities;
  private final ApplicationEventPublisher events;

  ReferralEvents(JdbcClient jdbc, Facilities facilities, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.facilities = facilities;
    this.events = events;
  }

  @EventListener
  @Transactional
  void on(ReferralAccepted e) {
    status(e.referralId(), e.residentId(), e.direction(), "ACCEPTED", null);
    if (e.direction() == Direction.UP) {
      regrade(e.residentId(), Grade.RED, e.toFacilityCode(), day(e.acceptedAt()), "上转已接收，由县级医院管理");
    }
  }

  @EventListener
  @Transactional
  void on(DownReferralReceived e) {
    status(e.referralId(), e.residentId(), Direction.DOWN, "RECEIVED", null);
    FacilityType type =
        facilities
            .find(e.receivingFacilityCode())
            .map(f -> f.type())
            .orElse(FacilityType.TOWNSHIP_HEALTH_CENTRE);
    Grade grade = type == FacilityType.VILLAGE_CLINIC ? Grade.GREEN : Grade.YELLOW;
    regrade(e.residentId(), grade, e.receivingFacilityCode(), day(e.receivedAt()), "下转已接收");
  }

  @EventListener
  @Transactional
  void on(ReferralClosed e) {
    status(e.referralId(), e.residentId(), e.direction(), "CLOSED", e.outcome());
  }

  private static LocalDate day(java.time.Instant at) {
    return at == null ? LocalDate.now() : LocalDate.ofInstant(at, ZoneId.systemDefault());
  }

  private void status(
      long referralId, long residentId, Direction direction, String status, String outcome) {
    int n =
        jdbc.sql(
                "UPDATE chronic.referral_suggestion SET status = ?, outcome = COALESCE(?, outcome),"
                    + " updated_at = ? WHERE referral_id = ?")
            .params(status, outcome, LocalDateTime.now(), referralId)
            .update();
    if (n == 0) {
      // A referral made outside the programme: link it to the open suggestion of the patient.
      jdbc.sql(
              "UPDATE chronic.referral_suggestion SET status = ?, referral_id = ?,"
                  + " outcome = COALESCE(?, outcome), updated_at = ? WHERE id = (SELECT MAX(id)"
                  + " FROM chronic.referral_suggestion WHERE resident_id = ? AND direction = ?"
                  + " AND referral_id IS NULL AND status = 'SUGGESTED')")
          .params(status, referralId, outcome, LocalDateTime.now(), residentId, direction.name())
          .update();
    }
  }

  private void regrade(long residentId, Grade grade, String facility, LocalDate on, String reason) {
    List<EnrolmentRow> managed =
        jdbc.sql(
                "SELECT "
                    + EnrolmentRow.COLUMNS
                    + " FROM chronic.enrolment WHERE resident_id = ?"
                    + " AND status = 'MANAGED'")
            .param(residentId)
            .query(EnrolmentRow::map)
            .list();
    for (EnrolmentRow row : managed) {
      Disease d = row.disease();
      jdbc.sql(
              "UPDATE chronic.enrolment SET grade = ?, management_level = ?,"
                  + " responsible_facility_code = ?, responsible_doctor_id = CASE WHEN"
                  + " responsible_facility_code = ? THEN responsible_doctor_id END,"
                  + " version = version + 1 WHERE id = ?")
          .params(grade.name(), LevelChange.managementLevel(d, grade), facility, facility, row.id())
          .update();
      if (row.grade() != grade) {
        Grades.record(jdbc, row.id(), residentId, row.grade(), grade, on, reason, null);
      }
    }
    if (!managed.isEmpty()) {
      // The responsible facility, by which every period counts the patient, has changed.
      events.publishEvent(IndicatorInputsChanged.everything());
    }
  }
}
