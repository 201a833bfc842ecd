package org.countyhealth.fhir.server;

import org.countyhealth.fhir.IdentifierSystems;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.ResidentDemographics;
import org.countyhealth.residents.ResidentSummary;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

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

  /**
   * The full Patient of an active resident: the summary's elements plus every identifier, the phone
   * and the address (text, division code, village).
   */
  static Patient toFhir(ResidentDemographics r) {
    Patient patient = toFhir(r.summary());
    for (IdentifierValue id : r.identifiers()) {
      Identifier identifier =
          patient
              .addIdentifier()
              .setUse(Identifier.IdentifierUse.OFFICIAL)
              .setSystem(PatientRequests.system(id.type()))
              .setValue(id.value());
      identifier.getType().setText(id.type().label());
      if (id.type() == IdentifierType.MEDICAL_RECORD_NUMBER) {
        identifier
            .getAssigner()
            .setReference("Organization/" + id.issuer())
            .getIdentifier()
            .setSystem(IdentifierSystems.LICENCE)
            .setValue(id.issuer());
      } else if (!id.issuer().isEmpty()) {
        identifier.getAssigner().getIdentifier().setValue(id.issuer());
      }
    }
    if (r.phone() != null) {
      patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(r.phone());
    }
    if (r.address() != null || r.divisionCode() != null || r.village() != null) {
      Address address = patient.addAddress().setUse(Address.AddressUse.HOME).setText(r.address());
      if (r.divisionCode() != null) {
        address.addExtension(PatientRequests.DIVISION_CODE, new CodeType(r.divisionCode()));
      }
      if (r.village() != null) {
        address.addExtension(PatientRequests.VILLAGE, new StringType(r.village()));
      }
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
