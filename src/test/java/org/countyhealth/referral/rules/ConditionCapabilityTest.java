package org.countyhealth.referral.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.countyhealth.organization.FacilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 000_65944b5c5b97f013.txt lines 558–562 (down-referral conditions) and line 23 (village: green)
class ConditionCapabilityTest {

  @ParameterizedTest(name = "{0} manages {1}: {2}")
  @CsvSource({
    "TOWNSHIP_HEALTH_CENTRE,  I10,    true",
    "TOWNSHIP_HEALTH_CENTRE,  e11.9,  true",
    "TOWNSHIP_HEALTH_CENTRE,  I69.3,  true",
    "TOWNSHIP_HEALTH_CENTRE,  Z51.5,  true",
    "TOWNSHIP_HEALTH_CENTRE,  Z51.1,  false",
    "TOWNSHIP_HEALTH_CENTRE,  I21.0,  false",
    "TOWNSHIP_HEALTH_CENTRE,  C34.9,  false",
    "COMMUNITY_HEALTH_CENTRE, J44.1,  true",
    "VILLAGE_CLINIC,          I10,    true",
    "VILLAGE_CLINIC,          E11.9,  true",
    "VILLAGE_CLINIC,          J44.1,  false",
    "VILLAGE_CLINIC,          I69.3,  false",
    "LEAD_HOSPITAL,           I21.0,  true",
    "COUNTY_TCM_HOSPITAL,     C34.9,  true",
    "EXTERNAL_TERTIARY_HOSPITAL, C34.9, true",
    "TOWNSHIP_HEALTH_CENTRE,  '',     false"
  })
  void manages(FacilityType type, String icd10, boolean expected) {
    assertThat(ConditionCapability.canManage(type, icd10)).isEqualTo(expected);
  }
}
