package org.countyhealth.referral.domain;

import org.countyhealth.shared.BusinessException;

/** Someone else acted on the referral first: HTTP 409 with a stable code and what to do now. */
class ReferralConflict extends BusinessException {

  ReferralConflict(String code, String message) {
    super(code, message, null, 409);
  }
}
