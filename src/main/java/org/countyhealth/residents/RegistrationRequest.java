package org.countyhealth.residents;

import java.time.LocalDate;
import java.util.List;

/**
 * A resident to register (or to match against the index). Sex is a GB/T 2261.1 code; {@code
 * facilityCode} is the registering facility; the responsible village clinic and township centre
 * decide who may browse the record.
 */
public record RegistrationRequest(
    String name,
    String sex,
    LocalDate birthDate,
    String ethnicity,
    String phone,
    String address,
    String divisionCode,
    String village,
    String residenceType,
    String villageClinicCode,
    String townshipCode,
    Long familyDoctorId,
    String facilityCode,
    List<IdentifierValue> identifiers) {

  public RegistrationRequest {
    identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    residenceType = residenceType == null || residenceType.isBlank() ? "PERMANENT" : residenceType;
  }
}
