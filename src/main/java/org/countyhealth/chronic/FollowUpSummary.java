package org.countyhealth.chronic;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The measurements and verdict of one recorded (not voided) follow-up. */
public record FollowUpSummary(
    long id,
    long enrolmentId,
    long residentId,
    Disease disease,
    LocalDate visitOn,
    VisitMode mode,
    String facilityCode,
    Integer systolic,
    Integer diastolic,
    BigDecimal weightKg,
    BigDecimal heightCm,
    BigDecimal bmi,
    Integer heartRate,
    BigDecimal fastingGlucose,
    BigDecimal hba1c,
    LocalDate hba1cOn,
    Grade grade,
    LocalDate nextVisitOn) {}
