package org.countyhealth.referral;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A referral as other modules may read it (the FHIR ServiceRequest and Task). {@code status} is the
 * workflow state's code (DRAFTED, SUBMITTED, APPROVED, RECEIVED, ACCEPTED, ARRIVED, TREATED,
 * DOWN_REFERRED, CLOSED, DECLINED, CANCELLED) and {@code statusLabel} its Chinese name; {@code
 * reason} is the decline or cancel reason; {@code stepStartedAt} when the current state began.
 */
public record ReferralSummary(
    long id,
    String number,
    Direction direction,
    String status,
    String statusLabel,
    boolean greenChannel,
    long residentId,
    String fromFacilityCode,
    String toFacilityCode,
    String diagnosisCode,
    String diagnosisName,
    String purpose,
    Long requestingStaffId,
    String requestingDoctor,
    String reason,
    LocalDate referralDate,
    LocalDateTime createdAt,
    LocalDateTime stepStartedAt) {}
