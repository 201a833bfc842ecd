package org.countyhealth.fhir.server;

import org.countyhealth.fhir.IdentifierSystems;
import org.countyhealth.residents.ResidentSummary;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** Resident → Patient (docs/fhir.md, "Patient"). */
final class PatientMapping {

  private PatientMapping() {}

  static Patient toFhir(ResidentSummary r) {
    Patient patient = new Patient();
    patient.setId(String.valueOf(r.id()));
    patient.setActive(true);
    patient
        .addIdentifier()
        .setUse(Identifier.IdentifierUse.SECONDARY)
        .setSystem(IdentifierSystems.RESIDENT)
        .setValue(String.valueOf(r.id()));
    patient.addName().setText(r.name());
    patient.setGender(gender(r.sex()));
    if (r.birthDate() != null) {
      patient.setBirthDateElement(new DateType(r.birthDate().toString()));
    }
    if (r.facilityCode() != null) {
      patient.setManagingOrganization(new Reference("Organization/" + r.facilityCode()));
    }
    if (r.familyDoctorId() != null) {
      patient.addGeneralPractitioner(new Reference("Practitioner/" + r.familyDoctorId()));
    }
    return patient;
  }

  /** A record merged into another: inactive, with only the link to its survivor. */
  static Patient replaced(long mergedId, long survivorId) {
    Patient patient = new Patient();
    patient.setId(String.valueOf(mergedId));
    patient.setActive(false);
    patient
        .addLink()
        .setType(Patient.LinkType.REPLACEDBY)
        .setOther(new Reference("Patient/" + survivorId));
    return patient;
  }

  /** GB/T 2261.1: 1 male, 2 female, 0 unknown, 9 not stated. */
  static AdministrativeGender gender(String sex) {
    if (sex == null) {
      return AdministrativeGender.UNKNOWN;
    }
    return switch (sex) {
      case "1" -> AdministrativeGender.MALE;
      case "2" -> AdministrativeGender.FEMALE;
      default -> AdministrativeGender.UNKNOWN;
    };
  }
}
