package org.countyhealth.referral;

/**
 * A referral requested by a care programme (e.g. the chronic module on an emergency follow-up).
 * {@code indicationCodes} name ticked indications of the referral checklist; {@code emergency}
 * opens the green channel.
 */
public record ProgrammeReferralRequest(
    long residentId,
    String fromFacilityCode,
    long requestingStaffId,
    Direction direction,
    boolean emergency,
    java.util.List<String> indicationCodes,
    String summary,
    String sourceModule) {}
