package org.countyhealth.fhir.server;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.fhir.server.Measurement.Kind;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.Privilege;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.springframework.stereotype.Component;

/**
 * Creates an Observation: the value is read and checked at once (units, ranges of the chronic
 * rules), then collected under its Encounter; the Encounter becomes a follow-up or a screening when
 * the request completes. An Observation without an Encounter is a visit of its own (an implicit
 * clinic encounter of its date); one naming an Encounter of an earlier request is added to it only
 * while that Encounter has not become a follow-up or screening yet, or, when that Encounter was
 * sent again in this request and recognised by its content, answered as the Observation it recorded
 * ({@link HeldVisits}).
 */
@Component
class ObservationWriter implements ResourceWriter<Observation> {

  private final ChronicCare chronic;
  private final Subjects subjects;
  private final EncounterLinks links;
  private final SourceIdentifiers identifiers;
  private final VisitRecorder recorder;
  private final HeldVisits held;

  ObservationWriter(
      ChronicCare chronic,
      Subjects subjects,
      EncounterLinks links,
      SourceIdentifiers identifiers,
      VisitRecorder recorder,
      HeldVisits held) {
    this.chronic = chronic;
    this.subjects = subjects;
    this.links = links;
    this.identifiers = identifiers;
    this.recorder = recorder;
    this.held = held;
  }

  @Override
  public Class<Observation> type() {
    return Observation.class;
  }

  @Override
  public Optional<IdType> existing(String ifNoneExist, Actor actor) {
    return identifiers
        .existing("Observation", SourceIdentifiers.params(ifNoneExist))
        .map(id -> new IdType("Observation", id));
  }

  @Override
  public IdType create(Observation observation, Actor actor, WriteSession session) {
    Refusals.require(actor, Privilege.CHRONIC_EDIT);
    Measurement m = Measurements.read(observation);
    check(m);
    ResidentSummary resident =
        subjects.referenced(actor, observation.getSubject(), "Observation.subject", session);
    LocalDate on =
        observation.hasEffectiveDateTimeType()
            ? EncounterWriter.day(observation.getEffectiveDateTimeType().getValueAsString())
            : observation.hasEffectivePeriod()
                ? EncounterWriter.day(
                    observation.getEffectivePeriod().getStartElement().getValueAsString())
                : null;
    Map<Long, List<Measurement>> collected = VisitRecorder.collected(session);
    long encounterId;
    if (observation.hasEncounter()) {
      String ref = observation.getEncounter().getReference();
      EncounterLinks.Row row =
          (ref != null && ref.matches("Encounter/\\d{1,18}")
                  ? links.find(Long.parseLong(ref.substring("Encounter/".length())))
                  : Optional.<EncounterLinks.Row>empty())
              .filter(r -> r.residentId() == resident.id())
              .orElseThrow(
                  () ->
                      Refusals.unprocessable(
                          "找不到该患者的就诊 " + ref + "（已登记为随访或筛查的就诊不能追加测量值）", "Observation.encounter"));
      // An HbA1c is a laboratory result brought to the visit: its date is the test's, on or before
      // the visit (the chronic rules check it when the follow-up is recorded).
      if (on != null && !on.equals(row.visitOn()) && m.kind() != Kind.HBA1C) {
        throw Refusals.unprocessable(
            "测量日期 " + on + " 与就诊日期 " + row.visitOn() + " 不一致", "Observation.effective");
      }
      encounterId = row.id();
      if (row.linked() && HeldVisits.recognised(encounterId, session)) {
        // The visit sent again: the measurement recorded is answered, a different one refused.
        return held.answer(actor, encounterId, m, on, session);
      }
      if (!collected.containsKey(encounterId)) {
        if (row.linked()) {
          throw Refusals.unprocessable(
              "该就诊已登记为随访或筛查：测量值须与 Encounter 在同一请求（transaction Bundle）中提交", "Observation.encounter");
        }
        recorder.expect(encounterId, actor, session);
      }
    } else {
      if (on == null) {
        throw Refusals.unprocessable("须给出测量日期 effectiveDateTime", "Observation.effective");
      }
      if (on.isAfter(LocalDate.now())) {
        throw Refusals.unprocessable("测量日期不能晚于今天", "Observation.effective");
      }
      String facility =
          actor.facilityCode() != null ? actor.facilityCode() : resident.facilityCode();
      encounterId = links.insert(resident.id(), on, "AMB", facility, true, actor.username());
      recorder.expect(encounterId, actor, session);
    }
    List<Measurement> visit = collected.get(encounterId);
    if (visit.stream().anyMatch(x -> x.kind() == m.kind())) {
      throw Refusals.unprocessable(
          "同一次就诊已有" + m.kind().label() + "：每次就诊每项只记录一个值", "Observation.code");
    }
    visit.add((m.kind() == Kind.HBA1C ? m.testedOn(on) : m).from(session.entry()));
    String id = encounterId + "-" + m.kind().suffix();
    identifiers.remember("Observation", observation.getIdentifier(), id);
    return new IdType("Observation", id);
  }

  /** The physiological ranges of the chronic rules, checked before anything is written. */
  private void check(Measurement m) {
    try {
      chronic.checkMeasurements(
          m.systolic(),
          m.diastolic(),
          m.kind() == Kind.GLUCOSE ? m.value() : null,
          m.kind() == Kind.HEART_RATE ? m.value().intValue() : null,
          m.kind() == Kind.WEIGHT ? m.value() : null,
          m.kind() == Kind.HEIGHT ? m.value() : null,
          m.kind() == Kind.HBA1C ? m.value() : null);
    } catch (BusinessException e) {
      throw Refusals.of(e, field -> m.locations().getOrDefault(field, "Observation.valueQuantity"));
    }
  }
}
