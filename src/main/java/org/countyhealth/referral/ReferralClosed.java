package org.countyhealth.referral;

import java.time.Instant;

/** A referral reached its end: treated and closed, declined or cancelled, with the outcome. */
public record ReferralClosed(
    long referralId, long residentId, Direction direction, String outcome, Instant closedAt) {}
