package org.countyhealth.referral;

import java.util.Optional;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;

/** The referral module's facade for other modules. */
public interface Referrals {

  /**
   * Drafts and submits a referral in one step to the nearest capable facility; returns its id.
   * Refusals (rules of lines 33, 536; two open referrals in one direction) throw a
   * BusinessException and change nothing.
   */
  long requestFromProgramme(ProgrammeReferralRequest request);

  /**
   * Whether the resident already has an unfinished referral in that direction: a programme asks
   * before requesting, since a patient cannot hold two (000_65944b5c5b97f013.txt line 536 flow).
   */
  boolean hasOpenReferral(long residentId, Direction direction);

  /** A referral whose sending or receiving facility is in the scope. */
  Optional<ReferralSummary> find(long referralId, DataScope scope);

  /**
   * Referrals whose sending or receiving facility is in the scope, newest first: one window and the
   * number of all.
   */
  Slice<ReferralSummary> search(DataScope scope, ReferralCriteria criteria, Window window);
}
