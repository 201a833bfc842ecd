package org.countyhealth.referral;

import java.time.Instant;

/**
 * A township centre (or village clinic) confirmed a down-referred patient is back under its care
 * (000_65944b5c5b97f013.txt lines 23–24: the chronic worklists follow the patient).
 */
public record DownReferralReceived(
    long referralId, long residentId, String receivingFacilityCode, Instant receivedAt) {}
