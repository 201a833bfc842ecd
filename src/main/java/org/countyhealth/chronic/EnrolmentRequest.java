package org.countyhealth.chronic;

import java.time.LocalDate;

/** Enrolment in a disease registry; the grade starts yellow until the first follow-up. */
public record EnrolmentRequest(
    long residentId,
    Disease disease,
    LocalDate enrolledOn,
    String diagnosingFacilityCode,
    String responsibleFacilityCode,
    Long responsibleDoctorId) {}
