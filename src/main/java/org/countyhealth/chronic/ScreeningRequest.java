package org.countyhealth.chronic;

import java.time.LocalDate;

/** A screening BP reading (首诊测压 when {@code firstVisit}). */
public record ScreeningRequest(
    long residentId, LocalDate measuredOn, int systolic, int diastolic, boolean firstVisit) {}
