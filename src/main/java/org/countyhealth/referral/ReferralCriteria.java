package org.countyhealth.referral;

import java.util.Set;

/**
 * What to look for among the referrals of a scope; null (or empty) fields do not narrow. {@code
 * statuses} are {@link ReferralSummary#status()} codes.
 */
public record ReferralCriteria(
    Long residentId, Set<String> statuses, String fromFacilityCode, String toFacilityCode) {

  public ReferralCriteria {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
  }
}
