package org.countyhealth.referral.rules;

import java.util.Collection;
import org.countyhealth.referral.Direction;
import org.countyhealth.shared.BusinessException;

/** A patient has at most one open referral in each direction. */
public final class OpenReferrals {

  private OpenReferrals() {}

  // Issue 5 (rules), closed loop of 000_65944b5c5b97f013.txt line 538: one continuous, closed-loop
  // path per direction.
  public static void check(Direction wanted, Collection<Direction> openDirections) {
    if (openDirections.contains(wanted)) {
      throw new BusinessException(
          "REFERRAL_ALREADY_OPEN", "该患者已有一张未结束的" + wanted.label() + "转诊单，请先处理或取消", "residentId");
    }
  }
}
