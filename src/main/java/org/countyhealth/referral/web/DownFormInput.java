package org.countyhealth.referral.web;

import java.util.List;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.domain.NewReferral;

/** The treating doctor's down-referral (lines 546, 612–613). */
record DownFormInput(
    String toFacilityCode,
    String toDepartment,
    String fromDepartment,
    String summary,
    String diagnosisCode,
    String diagnosisName,
    List<String> indications,
    String dischargeSummary,
    String treatmentAdvice,
    String rehabAdvice,
    String treatingContact,
    String routeReason) {

  NewReferral toNew(long residentId, String fromFacility) {
    return new NewReferral(
        Direction.DOWN,
        residentId,
        fromFacility,
        fromDepartment,
        ReferralFormInput.blankToNull(toFacilityCode),
        toDepartment,
        "回基层继续治疗与康复",
        summary,
        diagnosisCode,
        diagnosisName,
        indications,
        false,
        routeReason,
        null,
        dischargeSummary,
        treatmentAdvice,
        rehabAdvice,
        treatingContact,
        null);
  }
}
