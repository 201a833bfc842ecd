package org.countyhealth.referral.rules;

import org.countyhealth.organization.FacilityType;
import org.countyhealth.referral.Direction;
import org.countyhealth.shared.BusinessException;

/**
 * Who may refer where, and in which direction. Townships and village clinics may not refer outside
 * the county; only county-level members may, and only to partners outside the consortium; the
 * direction follows the facility levels.
 */
public final class ReferralRoute {

  private ReferralRoute() {}

  // 000_65944b5c5b97f013.txt line 33: 县外转诊工作由县级成员单位按规定实施，基层不得直接外转。
  public static void check(
      String fromCode, FacilityType from, String toCode, FacilityType to, Direction direction) {
    if (fromCode.equals(toCode)) {
      throw new BusinessException("REFERRAL_TO_SELF", "不能转诊到本机构", "toFacilityCode");
    }
    if (!from.member()) {
      throw new BusinessException(
          "REFERRAL_SENDER_NOT_MEMBER", "只有医共体成员单位可以发起转诊", "fromFacilityCode");
    }
    if (!to.member() && !from.countyLevel()) {
      throw new BusinessException(
          "REFERRAL_OUT_OF_COUNTY_FORBIDDEN", "乡镇卫生院、村卫生站不得直接转往县外，请转县级医院", "toFacilityCode");
    }
    boolean up = to.level() > from.level();
    boolean down = to.level() < from.level();
    if ((direction == Direction.UP && !up) || (direction == Direction.DOWN && !down)) {
      throw new BusinessException(
          "REFERRAL_WRONG_DIRECTION",
          direction == Direction.UP ? "上转只能转往上级医疗机构" : "下转只能转往下级医疗机构",
          "toFacilityCode");
    }
  }

  /** The direction implied by the two levels, or null for a referral between equals. */
  public static Direction implied(FacilityType from, FacilityType to) {
    if (to.level() == from.level()) {
      return null;
    }
    return to.level() > from.level() ? Direction.UP : Direction.DOWN;
  }
}
