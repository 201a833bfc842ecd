package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countyhealth.fhir.IdentifierSystems;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.MatchOutcome;
import org.countyhealth.residents.RegistrationOutcome;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.stereotype.Component;

/**
 * Patient/$match over the resident index: the candidate Patient is turned into a registration
 * request and previewed (nothing is written), so the grade is exactly the index's decision.
 */
@Component
class PatientMatcher {

  /** The resident index's refusal fields, as FHIRPath locations in the candidate Patient. */
  private static final Map<String, String> LOCATIONS =
      Map.of(
          "name", "Patient.name",
          "sex", "Patient.gender",
          "birthDate", "Patient.birthDate",
          "phone", "Patient.telecom",
          "address", "Patient.address",
          "identifiers", "Patient.identifier");

  /** The best candidate and its grade (certain, probable, possible). */
  record Match(long residentId, String grade, double score) {}

  private final ResidentRegistry registry;

  PatientMatcher(ResidentRegistry registry) {
    this.registry = registry;
  }

  Optional<Match> match(Patient candidate, Actor actor) {
    RegistrationOutcome outcome;
    try {
      outcome = registry.preview(request(candidate, actor));
    } catch (BusinessException e) {
      throw new UnprocessableEntityException(
          e.getMessage(), outcome(e.getMessage(), LOCATIONS.getOrDefault(e.field(), "Patient")));
    }
    if (outcome.outcome() == MatchOutcome.NEW) {
      return Optional.empty();
    }
    long id = outcome.candidateId() != null ? outcome.candidateId() : outcome.residentId();
    String grade =
        switch (outcome.outcome()) {
          case EXACT -> "certain";
          case LINK -> "probable";
          default -> "possible";
        };
    return Optional.of(new Match(id, grade, outcome.score() == null ? 1.0 : outcome.score()));
  }

  private static RegistrationRequest request(Patient p, Actor actor) {
    String name =
        p.getName().isEmpty()
            ? null
            : p.getNameFirstRep().hasText()
                ? p.getNameFirstRep().getText()
                : p.getNameFirstRep().getFamily() + p.getNameFirstRep().getGivenAsSingleString();
    if (p.getBirthDateElement().getPrecision() != null
        && p.getBirthDateElement().getValueAsString() != null
        && p.getBirthDateElement().getValueAsString().length() != 10) {
      throw new InvalidRequestException(
          "出生日期须精确到日", outcome("出生日期须精确到日（YYYY-MM-DD）", "Patient.birthDate"));
    }
    LocalDate birth =
        p.hasBirthDate() ? LocalDate.parse(p.getBirthDateElement().getValueAsString()) : null;
    String phone =
        p.getTelecom().stream()
            .filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.PHONE)
            .map(ContactPoint::getValue)
            .findFirst()
            .orElse(null);
    List<IdentifierValue> ids = new ArrayList<>();
    for (Identifier i : p.getIdentifier()) {
      if (IdentifierSystems.ID_CARD.equals(i.getSystem())) {
        ids.add(IdentifierValue.of(IdentifierType.ID_CARD, i.getValue()));
      } else if (IdentifierSystems.HEALTH_CODE.equals(i.getSystem())) {
        ids.add(IdentifierValue.of(IdentifierType.HEALTH_CODE, i.getValue()));
      } else if (IdentifierSystems.MEDICAL_RECORD_NUMBER.equals(i.getSystem())
          && i.getAssigner().getIdentifier().hasValue()) {
        ids.add(
            new IdentifierValue(
                IdentifierType.MEDICAL_RECORD_NUMBER,
                i.getAssigner().getIdentifier().getValue(),
                i.getValue()));
      }
    }
    return new RegistrationRequest(
        name,
        sex(p),
        birth,
        null,
        phone,
        p.getAddress().isEmpty() ? null : p.getAddressFirstRep().getText(),
        null,
        null,
        null,
        null,
        null,
        null,
        actor.facilityCode(),
        ids);
  }

  private static String sex(Patient p) {
    if (!p.hasGender()) {
      return null;
    }
    return switch (p.getGender()) {
      case MALE -> "1";
      case FEMALE -> "2";
      case UNKNOWN -> "0";
      default -> "9";
    };
  }

  static OperationOutcome outcome(String message, String location) {
    OperationOutcome outcome = new OperationOutcome();
    outcome
        .addIssue()
        .setSeverity(OperationOutcome.IssueSeverity.ERROR)
        .setCode(OperationOutcome.IssueType.INVALID)
        .setDiagnostics(message)
        .addExpression(location);
    return outcome;
  }
}
