package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.Grade;

/** One registry entry as stored. */
public record EnrolmentRow(
    long id,
    long residentId,
    Disease disease,
    LocalDate enrolledOn,
    String diagnosingFacilityCode,
    Grade grade,
    String managementLevel,
    String responsibleFacilityCode,
    Long responsibleDoctorId,
    String status,
    String statusReason,
    LocalDate lastVisitOn,
    LocalDate nextVisitOn,
    String nextReason,
    boolean uncontrolled) {

  static final String COLUMNS =
      "id, resident_id, disease, enrolled_on, diagnosing_facility_code, grade, management_level,"
          + " responsible_facility_code, responsible_doctor_id, status, status_reason,"
          + " last_visit_on, next_visit_on, next_reason, uncontrolled";

  static EnrolmentRow map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new EnrolmentRow(
        rs.getLong("id"),
        rs.getLong("resident_id"),
        Disease.valueOf(rs.getString("disease")),
        rs.getObject("enrolled_on", LocalDate.class),
        rs.getString("diagnosing_facility_code"),
        Grade.valueOf(rs.getString("grade")),
        rs.getString("management_level"),
        rs.getString("responsible_facility_code"),
        (Long) rs.getObject("responsible_doctor_id", Long.class),
        rs.getString("status"),
        rs.getString("status_reason"),
        rs.getObject("last_visit_on", LocalDate.class),
        rs.getObject("next_visit_on", LocalDate.class),
        rs.getString("next_reason"),
        rs.getBoolean("uncontrolled"));
  }

  public String statusLabel() {
    return switch (status) {
      case "MANAGED" -> "在管";
      case "TRANSFERRED" -> "迁出";
      case "LOST" -> "失访";
      case "DIED" -> "死亡";
      case "REFUSED" -> "拒绝管理";
      default -> status;
    };
  }
}
