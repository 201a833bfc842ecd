package org.countyhealth.fhir.server;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * Creates an Encounter: the row of {@code fhir.encounter} is written at once (its id is needed by
 * the Observations of the same request); what it becomes in the chronic module is decided when the
 * request completes ({@link VisitRecorder}). An Encounter without an identifier for the same
 * resident, day, class and facility as one already received is that Encounter (200, nothing
 * written): its Observations are then compared with what it recorded ({@link HeldVisits}).
 */
@Component
class EncounterWriter implements ResourceWriter<Encounter> {

  private static final Set<String> CLASSES = Set.of("AMB", "HH", "VR");

  private final Subjects subjects;
  private final EncounterLinks links;
  private final SourceIdentifiers identifiers;
  private final VisitRecorder recorder;

  EncounterWriter(
      Subjects subjects,
      EncounterLinks links,
      SourceIdentifiers identifiers,
      VisitRecorder recorder) {
    this.subjects = subjects;
    this.links = links;
    this.identifiers = identifiers;
    this.recorder = recorder;
  }

  @Override
  public Class<Encounter> type() {
    return Encounter.class;
  }

  @Override
  public Optional<IdType> existing(String ifNoneExist, Actor actor) {
    return identifiers
        .existing("Encounter", SourceIdentifiers.params(ifNoneExist))
        .map(id -> new IdType("Encounter", id));
  }

  @Override
  public IdType create(Encounter encounter, Actor actor, WriteSession session) {
    Refusals.require(actor, Privilege.CHRONIC_EDIT);
    ResidentSummary resident =
        subjects.referenced(actor, encounter.getSubject(), "Encounter.subject", session);
    String classCode = encounter.getClass_().getCode();
    if (encounter.getClass_().hasSystem()
            && !VisitMapping.ACT_CODE.equals(encounter.getClass_().getSystem())
        || classCode == null
        || !CLASSES.contains(classCode)) {
      throw Refusals.unprocessable(
          "Encounter.class 须为 v3-ActCode 的 AMB（门诊）、HH（家庭）或 VR（电话/远程），收到："
              + encounter.getClass_().getSystem()
              + "|"
              + classCode,
          "Encounter.class");
    }
    LocalDate on = day(encounter.getPeriod().getStartElement().getValueAsString());
    if (on == null) {
      throw Refusals.unprocessable("须给出就诊日期 Encounter.period.start", "Encounter.period.start");
    }
    if (on.isAfter(LocalDate.now())) {
      throw Refusals.unprocessable("就诊日期不能晚于今天", "Encounter.period.start");
    }
    String facility = actor.facilityCode() != null ? actor.facilityCode() : resident.facilityCode();
    // Without an identifier, the same visit sent again (a re-run import, a re-sent bundle) is
    // recognised by its content; an identifier is matched by the conditional create only.
    if (!encounter.hasIdentifier()) {
      Optional<EncounterLinks.Row> same = links.same(resident.id(), on, classCode, facility);
      if (same.isPresent()) {
        IdType held = new IdType("Encounter", String.valueOf(same.get().id()));
        session.heldAlready(held);
        HeldVisits.remember(same.get().id(), session);
        subjects.audit(EncounterProvider.READ, resident.id());
        return held;
      }
    }
    long id = links.insert(resident.id(), on, classCode, facility, false, actor.username());
    identifiers.remember("Encounter", encounter.getIdentifier(), String.valueOf(id));
    recorder.expect(id, actor, session);
    session.audit("FHIR_ENCOUNTER_CREATE", resident.id());
    return new IdType("Encounter", String.valueOf(id));
  }

  /** The calendar day a FHIR date or dateTime was written for (as the sender wrote it). */
  static LocalDate day(String dateTime) {
    if (dateTime == null || dateTime.length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(dateTime.substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
