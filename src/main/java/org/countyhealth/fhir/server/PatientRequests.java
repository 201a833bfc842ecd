package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.countyhealth.fhir.IdentifierSystems;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.IdCardNumber;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;

/**
 * Patient → registration request for a create (docs/fhir.md, "Patient"): strict, every element the
 * platform cannot hold faithfully is refused with its location. The registering facility, the
 * owning facility and the family doctor are decided by {@link PatientWriter}, which knows the
 * actor's scope.
 */
final class PatientRequests {

  /** The platform's own extension for the GB/T 2260 administrative division code of an address. */
  static final String DIVISION_CODE =
      "https://fhir.countyhealth.org/StructureDefinition/division-code";

  /** The village (行政村) of an address: ISO 21090 ADXP precinct, a subsection of a municipality. */
  static final String VILLAGE = "http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-precinct";

  private PatientRequests() {}

  /** The Patient's fields, with {@code facilityCode} and {@code familyDoctorId} as given. */
  static RegistrationRequest of(Patient p, String facilityCode, Long familyDoctorId) {
    String phone = phone(p);
    Address address = p.getAddress().isEmpty() ? null : p.getAddressFirstRep();
    return new RegistrationRequest(
        name(p),
        sex(p),
        birthDate(p),
        null,
        phone,
        address == null ? null : addressText(address),
        address == null ? null : extension(address, DIVISION_CODE),
        address == null ? null : extension(address, VILLAGE),
        null,
        null,
        null,
        familyDoctorId,
        facilityCode,
        identifiers(p, facilityCode));
  }

  /** Chinese names: the text, or the family name followed by the given names without spaces. */
  static String name(Patient p) {
    if (p.getName().isEmpty()) {
      throw refused("请填写姓名（Patient.name）", "Patient.name");
    }
    HumanName name = p.getNameFirstRep();
    String text =
        name.hasText()
            ? name.getText()
            : (name.hasFamily() ? name.getFamily() : "")
                + name.getGiven().stream().map(StringType::getValue).reduce("", String::concat);
    if (text.isBlank()) {
      throw refused("请填写姓名（name.text 或 family + given）", "Patient.name[0]");
    }
    return text.strip();
  }

  /** GB/T 2261.1: male 1, female 2, unknown 0, other 9 (未说明的性别). */
  static String sex(Patient p) {
    if (!p.hasGender()) {
      throw refused("请填写性别（Patient.gender）", "Patient.gender");
    }
    return switch (p.getGender()) {
      case MALE -> "1";
      case FEMALE -> "2";
      case UNKNOWN -> "0";
      default -> "9";
    };
  }

  static LocalDate birthDate(Patient p) {
    if (!p.hasBirthDate()) {
      throw refused("请填写出生日期（Patient.birthDate）", "Patient.birthDate");
    }
    String text = p.getBirthDateElement().getValueAsString();
    if (text == null || text.length() != 10) {
      throw refused("出生日期须精确到日（YYYY-MM-DD）", "Patient.birthDate");
    }
    return LocalDate.parse(text);
  }

  private static String phone(Patient p) {
    for (ContactPoint t : p.getTelecom()) {
      if (t.getSystem() == ContactPoint.ContactPointSystem.PHONE && t.hasValue()) {
        return t.getValue().strip();
      }
    }
    return null;
  }

  /** The index of the first phone, for a refusal's location. */
  static int phoneIndex(Patient p) {
    for (int i = 0; i < p.getTelecom().size(); i++) {
      if (p.getTelecom().get(i).getSystem() == ContactPoint.ContactPointSystem.PHONE) {
        return i;
      }
    }
    return 0;
  }

  /**
   * The text, or the parts from the province down to the lines, as a Chinese address is written.
   */
  static String addressText(Address a) {
    if (a.hasText()) {
      return a.getText().strip();
    }
    StringBuilder text = new StringBuilder();
    for (String part : new String[] {a.getState(), a.getCity(), a.getDistrict()}) {
      if (part != null) {
        text.append(part.strip());
      }
    }
    a.getLine().forEach(l -> text.append(l.getValue() == null ? "" : l.getValue().strip()));
    return text.isEmpty() ? null : text.toString();
  }

  private static String extension(Address a, String url) {
    Extension e = a.getExtensionByUrl(url);
    return e == null || e.getValue() == null ? null : e.getValue().primitiveValue();
  }

  private static List<IdentifierValue> identifiers(Patient p, String facilityCode) {
    List<IdentifierValue> ids = new ArrayList<>();
    for (int i = 0; i < p.getIdentifier().size(); i++) {
      Identifier id = p.getIdentifier().get(i);
      String at = "Patient.identifier[" + i + "]";
      if (!id.hasSystem()) {
        throw refused("标识符缺少 system", at + ".system");
      }
      if (!id.hasValue() || id.getValue().isBlank()) {
        throw refused("标识符缺少 value", at + ".value");
      }
      String system = id.getSystem();
      if (IdentifierSystems.RESIDENT.equals(system)) {
        // The platform's resident number is assigned by the platform: a client's copy says nothing.
        continue;
      }
      IdentifierType type = type(system);
      if (type == null) {
        throw refused("不支持的标识符体系：" + system, at + ".system");
      }
      if (type == IdentifierType.ID_CARD) {
        try {
          IdCardNumber.of(id.getValue());
        } catch (BusinessException e) {
          throw refused(e.getMessage(), at + ".value");
        }
      }
      String issuer = "";
      if (type == IdentifierType.PASSPORT && issuerOf(id) == null) {
        throw refused("护照须注明签发国家（assigner.identifier.value）", at + ".assigner");
      }
      if (type.needsIssuer()) {
        issuer = issuerOf(id);
        if (issuer == null) {
          // A medical-record number without an assigner is the registering facility's own.
          issuer = facilityCode;
        }
      }
      ids.add(new IdentifierValue(type, issuer, id.getValue()));
    }
    return ids;
  }

  /** The assigner's identifier value, or the id of its Organization reference; null when none. */
  private static String issuerOf(Identifier id) {
    String issuer =
        id.getAssigner().getIdentifier().hasValue()
            ? id.getAssigner().getIdentifier().getValue()
            : id.getAssigner().getReferenceElement().getIdPart();
    return issuer == null || issuer.isBlank() ? null : issuer.strip();
  }

  /** The identifier type of a system URI, or null when the platform holds no such identifier. */
  static IdentifierType type(String system) {
    if (IdentifierSystems.ID_CARD.equals(system)) {
      return IdentifierType.ID_CARD;
    }
    if (IdentifierSystems.HEALTH_CODE.equals(system)) {
      return IdentifierType.HEALTH_CODE;
    }
    if (IdentifierSystems.MEDICAL_RECORD_NUMBER.equals(system)) {
      return IdentifierType.MEDICAL_RECORD_NUMBER;
    }
    if (IdentifierSystems.HEALTH_CARD.equals(system)) {
      return IdentifierType.HEALTH_CARD;
    }
    if (IdentifierSystems.INSURANCE_CARD.equals(system)) {
      return IdentifierType.INSURANCE_CARD;
    }
    if (IdentifierSystems.PASSPORT.equals(system)) {
      return IdentifierType.PASSPORT;
    }
    return null;
  }

  /** The system URI of an identifier type. */
  static String system(IdentifierType type) {
    return switch (type) {
      case ID_CARD -> IdentifierSystems.ID_CARD;
      case HEALTH_CODE -> IdentifierSystems.HEALTH_CODE;
      case MEDICAL_RECORD_NUMBER -> IdentifierSystems.MEDICAL_RECORD_NUMBER;
      case HEALTH_CARD -> IdentifierSystems.HEALTH_CARD;
      case INSURANCE_CARD -> IdentifierSystems.INSURANCE_CARD;
      case PASSPORT -> IdentifierSystems.PASSPORT;
    };
  }

  static UnprocessableEntityException refused(String message, String location) {
    return new UnprocessableEntityException(message, PatientMatcher.outcome(message, location));
  }
}
