package org.countyhealth.fhir.server;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.EnrolmentRequest;
import org.countyhealth.chronic.EnrolmentSummary;
import org.countyhealth.residents.PastIllnesses;
import org.countyhealth.residents.PastIllnesses.PastIllness;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.Privilege;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * Creates a Condition: hypertension or type 2 diabetes enrols the patient in the chronic registry
 * ({@code ChronicCare.enrol}); any other diagnosis is an illness of the health record's past
 * history ({@code PastIllnesses.add}). A Condition already held answers the existing one (200,
 * nothing written), so re-sending a bundle without identifiers creates nothing: an enrolment
 * Condition for a patient managed in that programme, or an illness with the same name and date. A
 * conditional create ({@code patient=…&code=…}) answers the existing enrolment too.
 */
@Component
class ConditionWriter implements ResourceWriter<Condition> {

  private static final Map<String, String> LOCATIONS =
      Map.of(
          "disease", "Condition.code",
          "name", "Condition.code",
          "enrolledOn", "Condition.recordedDate",
          "occurredOn", "Condition.onset",
          "responsibleFacilityCode", "Condition.subject",
          "residentId", "Condition.subject");

  private final ChronicCare chronic;
  private final PastIllnesses illnesses;
  private final Subjects subjects;
  private final SourceIdentifiers identifiers;

  ConditionWriter(
      ChronicCare chronic,
      PastIllnesses illnesses,
      Subjects subjects,
      SourceIdentifiers identifiers) {
    this.chronic = chronic;
    this.illnesses = illnesses;
    this.subjects = subjects;
    this.identifiers = identifiers;
  }

  @Override
  public Class<Condition> type() {
    return Condition.class;
  }

  /**
   * By {@code identifier=system|value}, or {@code patient} + {@code code} of a programme disease.
   */
  @Override
  public Optional<IdType> existing(String ifNoneExist, Actor actor) {
    Map<String, String> query = SourceIdentifiers.params(ifNoneExist);
    Optional<String> byIdentifier = identifiers.existing("Condition", query);
    if (byIdentifier.isPresent() || query.containsKey("identifier")) {
      return byIdentifier.map(id -> new IdType("Condition", id));
    }
    String patient = query.get("patient");
    String code = query.get("code");
    if (patient == null || code == null || code.indexOf('|') <= 0) {
      return Optional.empty();
    }
    String idPart = patient.startsWith("Patient/") ? patient.substring(8) : patient;
    Disease disease =
        Diagnoses.disease(
            code.substring(0, code.indexOf('|')), code.substring(code.indexOf('|') + 1));
    if (disease == null || !idPart.matches("\\d{1,18}")) {
      return Optional.empty();
    }
    return subjects
        .visible(actor, Long.parseLong(idPart))
        .flatMap(
            r ->
                ObservationProvider.reading(() -> chronic.enrolments(actor, r.id())).stream()
                    .filter(e -> e.disease() == disease && e.managed())
                    .findFirst())
        .map(e -> new IdType("Condition", ConditionMapping.id(e)));
  }

  @Override
  public IdType create(Condition condition, Actor actor, WriteSession session) {
    ResidentSummary resident =
        subjects.referenced(actor, condition.getSubject(), "Condition.subject", session);
    Diagnoses.Diagnosis diagnosis = Diagnoses.of(condition.getCode());
    LocalDate recorded =
        condition.hasRecordedDate()
            ? EncounterWriter.day(condition.getRecordedDateElement().getValueAsString())
            : null;
    LocalDate onset =
        condition.hasOnsetDateTimeType()
            ? EncounterWriter.day(condition.getOnsetDateTimeType().getValueAsString())
            : null;
    String localId;
    try {
      if (diagnosis.disease() != null) {
        Refusals.require(actor, Privilege.CHRONIC_EDIT);
        String status = condition.getClinicalStatus().getCodingFirstRep().getCode();
        if (status != null
            && !status.equals("active")
            && !status.equals("recurrence")
            && !status.equals("relapse")) {
          throw Refusals.unprocessable(
              "只有在患（active）的" + diagnosis.disease().label() + "诊断可纳入慢病管理，收到：" + status,
              "Condition.clinicalStatus");
        }
        Optional<EnrolmentSummary> enrolled = enrolment(actor, resident.id(), diagnosis.disease());
        if (enrolled.isPresent()) {
          return held(ConditionMapping.id(enrolled.get()), resident, session);
        }
        long id =
            chronic.enrol(
                actor,
                new EnrolmentRequest(
                    resident.id(),
                    diagnosis.disease(),
                    recorded != null ? recorded : onset,
                    null,
                    null,
                    null));
        localId = "enrolment-" + id;
      } else {
        Refusals.require(actor, Privilege.RESIDENT_EDIT);
        LocalDate on = onset != null ? onset : recorded != null ? recorded : LocalDate.now();
        Optional<PastIllness> same = illness(actor, resident.id(), diagnosis.name(), on);
        if (same.isPresent()) {
          return held(ConditionMapping.id(same.get()), resident, session);
        }
        long id = illnesses.add(actor, resident.id(), diagnosis.name(), on);
        localId = "illness-" + id;
      }
    } catch (BusinessException e) {
      throw Refusals.of(e, field -> LOCATIONS.getOrDefault(field, "Condition"));
    }
    identifiers.remember("Condition", condition.getIdentifier(), localId);
    session.audit("FHIR_CONDITION_CREATE", resident.id());
    return new IdType("Condition", localId);
  }

  /**
   * The patient's managed enrolment in the disease, which a second enrolment would duplicate (the
   * registry refuses it). Looked for only when the actor may read the programme: answering it
   * discloses the enrolment.
   */
  private Optional<EnrolmentSummary> enrolment(Actor actor, long residentId, Disease disease) {
    if (!actor.can(Privilege.CHRONIC_VIEW.name())) {
      return Optional.empty();
    }
    return chronic.enrolments(actor, residentId).stream()
        .filter(e -> e.disease() == disease && e.managed())
        .findFirst();
  }

  /**
   * An illness of the past history with the same name (the record keeps the name the code was read
   * as, not the code) and the same date: the same diagnosis sent again. Looked for only when the
   * actor may read the health record.
   */
  private Optional<PastIllness> illness(
      Actor actor, long residentId, String name, LocalDate diagnosedOn) {
    if (!actor.can(Privilege.RESIDENT_VIEW.name())) {
      return Optional.empty();
    }
    return illnesses.of(actor, residentId).stream()
        .filter(i -> i.name().equals(name) && diagnosedOn.equals(i.diagnosedOn()))
        .findFirst();
  }

  /** A Condition already held: answered (200) with its id, nothing written, the read audited. */
  private IdType held(String localId, ResidentSummary resident, WriteSession session) {
    IdType id = new IdType("Condition", localId);
    session.heldAlready(id);
    subjects.audit(ConditionProvider.READ, resident.id());
    return id;
  }
}
