package org.countyhealth.chronic;

import java.time.LocalDate;

/** One screening BP reading and its outcome (NORMAL, RECHECK, SUSPECTED). */
public record ScreeningSummary(
    long id,
    long residentId,
    LocalDate measuredOn,
    String facilityCode,
    int systolic,
    int diastolic,
    String outcome) {}
