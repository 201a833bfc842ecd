package org.countyhealth.residents;

import java.time.LocalDate;
import java.util.List;

/**
 * What other modules may read of an active resident beyond the summary: identifiers (with their
 * type and issuer), contact phone and address (free text, administrative division code and
 * village). Sex is a GB/T 2261.1 code. The platform holds one phone and no emergency contact.
 */
public record ResidentDemographics(
    long id,
    String name,
    String sex,
    LocalDate birthDate,
    String ethnicity,
    String phone,
    String address,
    String divisionCode,
    String village,
    String residenceType,
    String facilityCode,
    String villageClinicCode,
    String townshipCode,
    Long familyDoctorId,
    List<IdentifierValue> identifiers) {

  public ResidentDemographics {
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
  }

  /** The summary part of these demographics. */
  public ResidentSummary summary() {
    return new ResidentSummary(
        id, name, sex, birthDate, facilityCode, villageClinicCode, townshipCode, familyDoctorId);
  }
}
