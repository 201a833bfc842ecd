package org.countyhealth.chronic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.countyhealth.chronic.Disease;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferralIndicationsTest {

  @ParameterizedTest(name = "{0} up={1} emergency={2} → {3}")
  @CsvSource({
    "HYPERTENSION, true,  true,  HTN_UP_1",
    "HYPERTENSION, true,  false, HTN_UP_7",
    "HYPERTENSION, false, false, HTN_DOWN_4",
    "DIABETES,     true,  true,  DM_UP_8",
    "DIABETES,     true,  false, DM_UP_9",
    "DIABETES,     false, false, DM_DOWN_4"
  })
  void ticksTheIndicationOfTheSeedChecklist(
      Disease disease, boolean up, boolean emergency, String indication) {
    assertThat(ReferralIndications.forReferral(disease, up, emergency)).containsExactly(indication);
  }
}
