package org.countyhealth.chronic;

import java.time.LocalDate;

/** A registry entry as other modules read it (the FHIR Condition and CarePlan). */
public record EnrolmentSummary(
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
    LocalDate lastVisitOn,
    LocalDate nextVisitOn) {

  public boolean managed() {
    return "MANAGED".equals(status);
  }
}
