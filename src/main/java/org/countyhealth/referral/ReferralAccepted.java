package org.countyhealth.referral;

import java.time.Instant;

/** The receiving facility accepted a referral (up: the county now manages the patient). */
public record ReferralAccepted(
    long referralId,
    long residentId,
    Direction direction,
    String fromFacilityCode,
    String toFacilityCode,
    Instant acceptedAt) {}
