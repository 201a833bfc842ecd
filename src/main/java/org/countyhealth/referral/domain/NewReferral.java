package org.countyhealth.referral.domain;

import java.util.List;
import org.countyhealth.referral.Direction;

/** What the sender fills in; the desk resolves patient and facilities and checks the rules. */
public record NewReferral(
    Direction direction,
    Long residentId,
    String fromFacilityCode,
    String fromDepartment,
    String toFacilityCode,
    String toDepartment,
    String purpose,
    String summary,
    String diagnosisCode,
    String diagnosisName,
    List<String> indications,
    boolean emergency,
    String routeReason,
    String recordNumber,
    String dischargeSummary,
    String treatmentAdvice,
    String rehabAdvice,
    String treatingContact,
    String sourceModule) {

  public NewReferral {
    indications = indications == null ? List.of() : List.copyOf(indications);
  }
}
