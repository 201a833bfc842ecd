package org.countyhealth.referral.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.countyhealth.organization.FacilityType;
import org.countyhealth.referral.Direction;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 000_65944b5c5b97f013.txt line 33
class ReferralRouteTest {

  @ParameterizedTest(name = "{0} → {1} {2}: {3}")
  @CsvSource({
    "VILLAGE_CLINIC,           TOWNSHIP_HEALTH_CENTRE,     UP,   OK",
    "VILLAGE_CLINIC,           LEAD_HOSPITAL,              UP,   OK",
    "TOWNSHIP_HEALTH_CENTRE,   LEAD_HOSPITAL,              UP,   OK",
    "COMMUNITY_HEALTH_CENTRE,  COUNTY_TCM_HOSPITAL,        UP,   OK",
    "LEAD_HOSPITAL,            TOWNSHIP_HEALTH_CENTRE,     DOWN, OK",
    "COUNTY_GENERAL_HOSPITAL,  VILLAGE_CLINIC,             DOWN, OK",
    "TOWNSHIP_HEALTH_CENTRE,   VILLAGE_CLINIC,             DOWN, OK",
    "LEAD_HOSPITAL,            EXTERNAL_TERTIARY_HOSPITAL, UP,   OK",
    "COUNTY_TCM_HOSPITAL,      DESIGNATED_HOSPITAL,        UP,   OK",
    "COUNTY_GENERAL_HOSPITAL,  SUB_DESIGNATED_HOSPITAL,    UP,   OK",
    "TOWNSHIP_HEALTH_CENTRE,   EXTERNAL_TERTIARY_HOSPITAL, UP,   REFERRAL_OUT_OF_COUNTY_FORBIDDEN",
    "VILLAGE_CLINIC,           DESIGNATED_HOSPITAL,        UP,   REFERRAL_OUT_OF_COUNTY_FORBIDDEN",
    "COMMUNITY_HEALTH_CENTRE,  SUB_DESIGNATED_HOSPITAL,    UP,   REFERRAL_OUT_OF_COUNTY_FORBIDDEN",
    "EXTERNAL_TERTIARY_HOSPITAL, LEAD_HOSPITAL,            DOWN, REFERRAL_SENDER_NOT_MEMBER",
    "TOWNSHIP_HEALTH_CENTRE,   LEAD_HOSPITAL,              DOWN, REFERRAL_WRONG_DIRECTION",
    "LEAD_HOSPITAL,            TOWNSHIP_HEALTH_CENTRE,     UP,   REFERRAL_WRONG_DIRECTION",
    "LEAD_HOSPITAL,            COUNTY_TCM_HOSPITAL,        UP,   REFERRAL_WRONG_DIRECTION",
    "TOWNSHIP_HEALTH_CENTRE,   COMMUNITY_HEALTH_CENTRE,    DOWN, REFERRAL_WRONG_DIRECTION",
    "LEAD_HOSPITAL,            EXTERNAL_TERTIARY_HOSPITAL, DOWN, REFERRAL_WRONG_DIRECTION"
  })
  void whoMayReferWhere(FacilityType from, FacilityType to, Direction direction, String expected) {
    if (expected.equals("OK")) {
      assertThatCode(() -> ReferralRoute.check("A", from, "B", to, direction))
          .doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> ReferralRoute.check("A", from, "B", to, direction))
          .isInstanceOfSatisfying(
              BusinessException.class,
              e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(expected));
    }
  }

  @ParameterizedTest
  @CsvSource({"LEAD_HOSPITAL, UP", "TOWNSHIP_HEALTH_CENTRE, DOWN"})
  void neverToItself(FacilityType type, Direction direction) {
    assertThatThrownBy(() -> ReferralRoute.check("A", type, "A", type, direction))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("REFERRAL_TO_SELF"));
  }
}
