package org.countyhealth.chronic.domain;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.EnrolmentSummary;
import org.countyhealth.chronic.FollowUpSummary;
import org.countyhealth.chronic.Grade;
import org.countyhealth.chronic.ScreeningSummary;
import org.countyhealth.chronic.VisitMode;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the registry, follow-ups and screening readings for other modules (the FHIR facade).
 * Privilege {@code CHRONIC_VIEW}; a resident outside the scope is not found. The caller audits the
 * access (it knows which resource was read).
 */
@Service
@Transactional(readOnly = true)
class ChronicReads {

  private static final String FOLLOW_UP_COLUMNS =
      "id, enrolment_id, resident_id, disease, visit_on, mode, facility_code, systolic, diastolic,"
          + " weight_kg, height_cm, bmi, heart_rate, fasting_glucose, hba1c, hba1c_on, grade,"
          + " next_visit_on";
  private static final String SCREENING_COLUMNS =
      "id, resident_id, measured_on, facility_code, systolic, diastolic, outcome";

  private final JdbcClient jdbc;
  private final Access access;

  ChronicReads(JdbcClient jdbc, Access access) {
    this.jdbc = jdbc;
    this.access = access;
  }

  List<EnrolmentSummary> enrolments(Actor actor, long residentId) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    access.resident(actor, residentId);
    return jdbc
        .sql(
            "SELECT "
                + EnrolmentRow.COLUMNS
                + " FROM chronic.enrolment WHERE resident_id = ? ORDER BY id DESC")
        .param(residentId)
        .query(EnrolmentRow::map)
        .list()
        .stream()
        .map(ChronicReads::summary)
        .toList();
  }

  Optional<EnrolmentSummary> enrolment(Actor actor, long enrolmentId) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    return jdbc.sql("SELECT " + EnrolmentRow.COLUMNS + " FROM chronic.enrolment WHERE id = ?")
        .param(enrolmentId)
        .query(EnrolmentRow::map)
        .optional()
        .filter(e -> visible(actor, e.residentId()))
        .map(ChronicReads::summary);
  }

  List<FollowUpSummary> followUps(Actor actor, long residentId) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    access.resident(actor, residentId);
    return jdbc.sql(
            "SELECT "
                + FOLLOW_UP_COLUMNS
                + " FROM chronic.follow_up WHERE resident_id = ? AND NOT voided"
                + " ORDER BY visit_on, id")
        .param(residentId)
        .query(ChronicReads::followUp)
        .list();
  }

  Optional<FollowUpSummary> followUp(Actor actor, long followUpId) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    return jdbc.sql(
            "SELECT " + FOLLOW_UP_COLUMNS + " FROM chronic.follow_up WHERE id = ? AND NOT voided")
        .param(followUpId)
        .query(ChronicReads::followUp)
        .optional()
        .filter(f -> visible(actor, f.residentId()));
  }

  List<ScreeningSummary> screenings(Actor actor, long residentId) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    access.resident(actor, residentId);
    return jdbc.sql(
            "SELECT "
                + SCREENING_COLUMNS
                + " FROM chronic.screening WHERE resident_id = ? ORDER BY measured_on, id")
        .param(residentId)
        .query(ChronicReads::screening)
        .list();
  }

  Optional<ScreeningSummary> screening(Actor actor, long screeningId) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    return jdbc.sql("SELECT " + SCREENING_COLUMNS + " FROM chronic.screening WHERE id = ?")
        .param(screeningId)
        .query(ChronicReads::screening)
        .optional()
        .filter(s -> visible(actor, s.residentId()));
  }

  private boolean visible(Actor actor, long residentId) {
    try {
      access.resident(actor, residentId);
      return true;
    } catch (NotFound e) {
      return false;
    }
  }

  private static EnrolmentSummary summary(EnrolmentRow e) {
    return new EnrolmentSummary(
        e.id(),
        e.residentId(),
        e.disease(),
        e.enrolledOn(),
        e.diagnosingFacilityCode(),
        e.grade(),
        e.managementLevel(),
        e.responsibleFacilityCode(),
        e.responsibleDoctorId(),
        e.status(),
        e.lastVisitOn(),
        e.nextVisitOn());
  }

  private static FollowUpSummary followUp(ResultSet rs, int i) throws SQLException {
    return new FollowUpSummary(
        rs.getLong("id"),
        rs.getLong("enrolment_id"),
        rs.getLong("resident_id"),
        Disease.valueOf(rs.getString("disease")),
        rs.getObject("visit_on", LocalDate.class),
        VisitMode.valueOf(rs.getString("mode")),
        rs.getString("facility_code"),
        (Integer) rs.getObject("systolic", Integer.class),
        (Integer) rs.getObject("diastolic", Integer.class),
        rs.getObject("weight_kg", BigDecimal.class),
        rs.getObject("height_cm", BigDecimal.class),
        rs.getObject("bmi", BigDecimal.class),
        (Integer) rs.getObject("heart_rate", Integer.class),
        rs.getObject("fasting_glucose", BigDecimal.class),
        rs.getObject("hba1c", BigDecimal.class),
        rs.getObject("hba1c_on", LocalDate.class),
        Grade.valueOf(rs.getString("grade")),
        rs.getObject("next_visit_on", LocalDate.class));
  }

  private static ScreeningSummary screening(ResultSet rs, int i) throws SQLException {
    return new ScreeningSummary(
        rs.getLong("id"),
        rs.getLong("resident_id"),
        rs.getObject("measured_on", LocalDate.class),
        rs.getString("facility_code"),
        rs.getInt("systolic"),
        rs.getInt("diastolic"),
        rs.getString("outcome"));
  }
}
