package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.countyhealth.fhir.IdentifierSystems;
import org.countyhealth.organization.Facilities;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.RegistrationOutcome;
import org.countyhealth.residents.RegistrationRefused;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.residents.Residents;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.Privilege;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.stereotype.Component;

/**
 * Creates a Patient by registering it in the resident index, exactly as the registration page does:
 * the index decides. A certain match (same identity card) or a linked one answers the existing
 * resident (200, nothing created; new identifiers are added to it as on the page); a potential
 * duplicate is registered as a new resident pending review (201), a new person likewise.
 */
@Component
class PatientWriter implements BatchWriter<Patient> {

  static final String CREATE = "FHIR_PATIENT_CREATE";

  private final ResidentRegistry registry;
  private final Residents residents;
  private final Facilities facilities;

  PatientWriter(ResidentRegistry registry, Residents residents, Facilities facilities) {
    this.registry = registry;
    this.residents = residents;
    this.facilities = facilities;
  }

  @Override
  public Class<Patient> type() {
    return Patient.class;
  }

  /**
   * {@code identifier=system|value}: the holder of that identifier, whatever the scope (the index
   * is county-wide; registering the same identifier again would answer its holder anyway). A
   * medical-record number is the actor's facility's.
   */
  @Override
  public Optional<IdType> existing(String ifNoneExist, Actor actor) {
    String[] pair = ifNoneExist.split("=", 2);
    if (pair.length != 2 || !pair[0].equals("identifier")) {
      throw new InvalidRequestException("Patient 的条件创建仅支持 identifier=system|value：" + ifNoneExist);
    }
    String token = URLDecoder.decode(pair[1], StandardCharsets.UTF_8);
    int bar = token.indexOf('|');
    if (bar <= 0 || bar == token.length() - 1) {
      throw new InvalidRequestException("条件创建的 identifier 须写作 system|value：" + token);
    }
    IdentifierType type = PatientRequests.type(token.substring(0, bar));
    if (type == null) {
      throw new InvalidRequestException("不支持的标识符体系：" + token.substring(0, bar));
    }
    String issuer = type == IdentifierType.MEDICAL_RECORD_NUMBER ? actor.facilityCode() : "";
    return residents
        .holderOf(new IdentifierValue(type, issuer, token.substring(bar + 1)))
        .map(id -> new IdType("Patient", String.valueOf(id)));
  }

  @Override
  public IdType create(Patient patient, Actor actor, WriteSession session) {
    try {
      return createAll(List.of(patient), actor, session).get(0);
    } catch (EntryRefused e) {
      throw e.reason();
    }
  }

  /** One registration batch for all: the index matches them together, as an import does. */
  @Override
  public List<IdType> createAll(List<Patient> patients, Actor actor, WriteSession session) {
    if (!actor.can(Privilege.RESIDENT_EDIT.name())) {
      throw new EntryRefused(
          0, new ForbiddenOperationException("您没有" + Privilege.RESIDENT_EDIT.label() + "的权限"));
    }
    Map<String, Boolean> known = new HashMap<>();
    List<RegistrationRequest> requests = new ArrayList<>(patients.size());
    for (int i = 0; i < patients.size(); i++) {
      Patient patient = patients.get(i);
      try {
        requests.add(
            PatientRequests.of(
                patient, owningFacility(patient, actor, known), familyDoctor(patient, actor)));
      } catch (RuntimeException e) {
        throw new EntryRefused(i, e);
      }
    }
    List<RegistrationOutcome> outcomes;
    try {
      outcomes = registry.registerAll(requests);
    } catch (BusinessException e) {
      int at = e instanceof RegistrationRefused r ? Math.max(0, r.position()) : 0;
      throw new EntryRefused(
          at, PatientRequests.refused(e.getMessage(), location(e.field(), patients.get(at))));
    }
    List<IdType> ids = new ArrayList<>(outcomes.size());
    Set<Long> createdHere = new HashSet<>();
    for (RegistrationOutcome outcome : outcomes) {
      IdType id = new IdType("Patient", String.valueOf(outcome.residentId()));
      session.audit(CREATE, outcome.residentId());
      if (outcome.created()) {
        createdHere.add(outcome.residentId());
      } else if (!createdHere.contains(outcome.residentId())) {
        // Held before this request; the same person twice in one bundle was created here once.
        session.heldAlready(id);
      }
      ids.add(id);
    }
    return ids;
  }

  /** managingOrganization, when given, must be a facility of the actor's scope. */
  private String owningFacility(Patient patient, Actor actor, Map<String, Boolean> known) {
    if (!patient.hasManagingOrganization()) {
      return actor.facilityCode();
    }
    Reference ref = patient.getManagingOrganization();
    String code = ref.getReferenceElement().getIdPart();
    if (!"Organization".equals(ref.getReferenceElement().getResourceType())
        || code == null
        || !actor.scope().includes(code)
        || !exists(code, actor, known)) {
      throw PatientRequests.refused(
          "managingOrganization 须为您数据范围内的机构：" + ref.getReference(), "Patient.managingOrganization");
    }
    return code;
  }

  /**
   * A scope other than the whole consortium lists existing facilities only; the whole consortium's
   * includes any code, so the code is looked up (once per request).
   */
  private boolean exists(String code, Actor actor, Map<String, Boolean> known) {
    return !actor.scope().all() || known.computeIfAbsent(code, c -> facilities.find(c).isPresent());
  }

  /** The first generalPractitioner, when given, must be a staff member of the actor's scope. */
  private Long familyDoctor(Patient patient, Actor actor) {
    if (!patient.hasGeneralPractitioner()) {
      return null;
    }
    Reference ref = patient.getGeneralPractitionerFirstRep();
    IdType target = new IdType(ref.getReference() == null ? "" : ref.getReference());
    if ("Practitioner".equals(target.getResourceType()) && target.isIdPartValidLong()) {
      long staffId = target.getIdPartAsLong();
      if (facilities
          .findStaff(staffId)
          .filter(s -> s.active() && actor.scope().includes(s.facilityCode()))
          .isPresent()) {
        return staffId;
      }
    }
    throw PatientRequests.refused(
        "generalPractitioner 须为您数据范围内在职人员的 Practitioner：" + ref.getReference(),
        "Patient.generalPractitioner[0]");
  }

  /** The index's refusal field, as a FHIRPath location in the Patient. */
  private static String location(String field, Patient p) {
    if (field == null) {
      return "Patient";
    }
    return switch (field) {
      case "name" -> "Patient.name[0]";
      case "sex" -> "Patient.gender";
      case "birthDate" -> "Patient.birthDate";
      case "phone" -> "Patient.telecom[" + PatientRequests.phoneIndex(p) + "].value";
      case "address" -> "Patient.address[0]";
      case "facilityCode" -> "Patient.managingOrganization";
      case "idCard" -> idCardLocation(p);
      case "identifiers" -> "Patient.identifier";
      default -> "Patient";
    };
  }

  private static String idCardLocation(Patient p) {
    for (int i = 0; i < p.getIdentifier().size(); i++) {
      Identifier id = p.getIdentifier().get(i);
      if (IdentifierSystems.ID_CARD.equals(id.getSystem())) {
        return "Patient.identifier[" + i + "]";
      }
    }
    return "Patient.identifier";
  }
}
