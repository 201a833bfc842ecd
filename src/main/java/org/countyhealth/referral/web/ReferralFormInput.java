package org.countyhealth.referral.web;

import java.util.List;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.domain.NewReferral;

/** What the sending doctor's form posts (up-referral, lines 641–665). */
record ReferralFormInput(
    Long residentId,
    String recordNumber,
    String fromDepartment,
    String toFacilityCode,
    String toDepartment,
    String purpose,
    String summary,
    String diagnosisCode,
    String diagnosisName,
    List<String> indications,
    Boolean emergency,
    String routeReason) {

  static ReferralFormInput empty(Long residentId) {
    return new ReferralFormInput(
        residentId, null, null, null, null, null, null, null, null, List.of(), false, null);
  }

  public boolean ticked(String code) {
    return indications != null && indications.contains(code);
  }

  NewReferral toNew(String fromFacility) {
    return new NewReferral(
        Direction.UP,
        residentId,
        fromFacility,
        fromDepartment,
        blankToNull(toFacilityCode),
        toDepartment,
        purpose,
        summary,
        diagnosisCode,
        diagnosisName,
        indications,
        Boolean.TRUE.equals(emergency),
        routeReason,
        recordNumber,
        null,
        null,
        null,
        null,
        null);
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
