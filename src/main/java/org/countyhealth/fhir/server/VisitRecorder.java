package org.countyhealth.fhir.server;

import java.math.BigDecimal;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.EnrolmentSummary;
import org.countyhealth.chronic.FollowUpOutcome;
import org.countyhealth.chronic.FollowUpRequest;
import org.countyhealth.chronic.ScreeningRequest;
import org.countyhealth.chronic.ScreeningSummary;
import org.countyhealth.fhir.server.Measurement.Kind;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.springframework.stereotype.Component;

/**
 * Turns a received Encounter and the Observations of the same request into what the pages record:
 * for a patient under management, one follow-up per managed enrolment through {@code
 * ChronicCare.recordFollowUp} (grade, next date, referral suggestion exactly as the form); for a
 * resident of 35 or more not under management, a screening BP through {@code ChronicCare.screen}.
 * Measurements that neither holds are refused: the facade keeps no values of its own. An HbA1c goes
 * to the diabetes follow-up only (the hypertension form has no such item). In a transaction a
 * refusal here, when the request completes, is located at the entry of the measurement concerned,
 * or at the visit's entry (the Encounter's) when no single measurement is to blame.
 */
@Component
class VisitRecorder {

  /** Session attribute: the measurements collected per encounter id in one request. */
  static final String COLLECTED = "fhir.visit-measurements";

  private final ChronicCare chronic;
  private final EncounterLinks links;
  private final Subjects subjects;

  VisitRecorder(ChronicCare chronic, EncounterLinks links, Subjects subjects) {
    this.chronic = chronic;
    this.links = links;
    this.subjects = subjects;
  }

  static Map<Long, List<Measurement>> collected(WriteSession session) {
    return session.attribute(COLLECTED, HashMap::new);
  }

  /** Registers the encounter's completion at the end of the request (once per encounter). */
  void expect(long encounterId, Actor actor, WriteSession session) {
    collected(session).putIfAbsent(encounterId, new java.util.ArrayList<>());
    // The visit's entry: the Encounter's, or that of the Observation that first named or implied
    // it.
    Integer visitEntry = session.entry();
    session.defer(
        "Encounter/" + encounterId,
        () ->
            complete(encounterId, visitEntry, actor, collected(session).get(encounterId), session));
  }

  void complete(
      long encounterId,
      Integer visitEntry,
      Actor actor,
      List<Measurement> measurements,
      WriteSession session) {
    if (measurements.isEmpty()) {
      return;
    }
    EncounterLinks.Row row = links.find(encounterId).orElseThrow();
    ResidentSummary resident =
        subjects
            .visible(actor, row.residentId(), session)
            .orElseThrow(() -> refused(null, visitEntry, "找不到该患者", "Encounter.subject"));
    Map<Kind, Measurement> by = new HashMap<>();
    // The rules' field names (systolic, hba1cOn …) to the measurement that carried them.
    Map<String, Measurement> owners = new HashMap<>();
    for (Measurement m : measurements) {
      by.put(m.kind(), m);
      m.locations().keySet().forEach(field -> owners.put(field, m));
    }
    Measurement bp = by.get(Kind.BLOOD_PRESSURE);
    Measurement glucose = by.get(Kind.GLUCOSE);
    if (bp == null && glucose == null) {
      throw refused(
          measurements.get(0),
          visitEntry,
          "身高、体重、体质指数、心率、糖化血红蛋白须与血压或血糖在同一次就诊（Encounter）中提交：随访表以血压、血糖为据",
          "Observation.code");
    }
    if (by.containsKey(Kind.BMI) && !(by.containsKey(Kind.WEIGHT) && by.containsKey(Kind.HEIGHT))) {
      Measurement bmi = by.get(Kind.BMI);
      throw refused(
          bmi, visitEntry, "体质指数由身高、体重计算：须同时提交身高（8302-2）和体重（29463-7）", bmi.locations().get("bmi"));
    }
    List<EnrolmentSummary> managed =
        guarded(() -> chronic.enrolments(actor, resident.id()), owners, visitEntry).stream()
            .filter(EnrolmentSummary::managed)
            .toList();
    Measurement hba1c = by.get(Kind.HBA1C);
    if (hba1c != null
        && !managed.isEmpty()
        && managed.stream().noneMatch(e -> e.disease() == Disease.DIABETES)) {
      throw refused(
          hba1c,
          visitEntry,
          "该患者未纳入2型糖尿病管理：糖化血红蛋白只记录在糖尿病患者随访中，无处保存（高血压随访表无此项）",
          hba1c.locations().get("hba1c"));
    }
    if (!managed.isEmpty()) {
      Long hypertension = null;
      Long diabetes = null;
      for (EnrolmentSummary e : managed) {
        FollowUpRequest request =
            request(e.id(), row, by, e.disease() == Disease.DIABETES ? hba1c : null);
        FollowUpOutcome outcome =
            guarded(() -> chronic.recordFollowUp(actor, request), owners, visitEntry);
        if (e.disease() == Disease.HYPERTENSION) {
          hypertension = outcome.followUpId();
        } else {
          diabetes = outcome.followUpId();
        }
      }
      links.link(
          encounterId, hypertension, diabetes, null, glucose == null ? null : glucose.code());
      session.audit("FHIR_FOLLOW_UP_CREATE", resident.id());
      return;
    }
    int age =
        resident.birthDate() == null
            ? 0
            : Period.between(resident.birthDate(), row.visitOn()).getYears();
    Optional<Measurement> other =
        measurements.stream().filter(m -> m.kind() != Kind.BLOOD_PRESSURE).findFirst();
    if (bp == null || age < 35 || other.isPresent()) {
      Measurement unheld = other.orElse(bp);
      throw refused(
          unheld,
          visitEntry,
          "该居民未纳入高血压或2型糖尿病管理"
              + (age < 35 ? "且不满35岁" : "：平台只保存35岁及以上居民的筛查血压")
              + "，其"
              + unheld.kind().label()
              + "无处保存",
          unheld.locations().values().iterator().next());
    }
    guarded(
        () ->
            chronic.screen(
                actor,
                new ScreeningRequest(
                    resident.id(), row.visitOn(), bp.systolic(), bp.diastolic(), false)),
        owners,
        visitEntry);
    long screening =
        chronic.screenings(actor, resident.id()).stream()
            .mapToLong(ScreeningSummary::id)
            .max()
            .orElseThrow();
    links.link(encounterId, null, null, screening, null);
    session.audit("FHIR_SCREENING_CREATE", resident.id());
  }

  private static FollowUpRequest request(
      long enrolmentId, EncounterLinks.Row row, Map<Kind, Measurement> by, Measurement hba1c) {
    Measurement bp = by.get(Kind.BLOOD_PRESSURE);
    Measurement hr = by.get(Kind.HEART_RATE);
    return FollowUpRequest.measured(
        enrolmentId,
        row.visitOn(),
        Visit.modeOf(row.classCode()),
        bp == null ? null : bp.systolic(),
        bp == null ? null : bp.diastolic(),
        value(by, Kind.WEIGHT),
        value(by, Kind.HEIGHT),
        hr == null ? null : hr.value().intValue(),
        value(by, Kind.GLUCOSE),
        hba1c == null ? null : hba1c.value(),
        hba1c == null ? null : hba1c.testedOn() == null ? row.visitOn() : hba1c.testedOn());
  }

  private static BigDecimal value(Map<Kind, Measurement> by, Kind kind) {
    Measurement m = by.get(kind);
    return m == null ? null : m.value();
  }

  /**
   * A chronic refusal located at the element that carried the refused value, in the entry of its
   * measurement; one of the visit itself (its date, or no field) at the visit's entry.
   */
  private static <T> T guarded(
      java.util.function.Supplier<T> call, Map<String, Measurement> owners, Integer visitEntry) {
    try {
      return call.get();
    } catch (BusinessException e) {
      Measurement owner = e.field() == null ? null : owners.get(e.field());
      String location =
          owner != null
              ? owner.locations().get(e.field())
              : "visitOn".equals(e.field()) ? "Encounter.period.start" : "Encounter";
      throw EntryFailures.located(entryOf(owner, visitEntry), Refusals.of(e, field -> location));
    }
  }

  /** A refusal of {@code m} ({@code null}: of the visit), located at its transaction entry. */
  private static RuntimeException refused(
      Measurement m, Integer visitEntry, String message, String location) {
    return EntryFailures.located(entryOf(m, visitEntry), Refusals.unprocessable(message, location));
  }

  private static Integer entryOf(Measurement m, Integer visitEntry) {
    return m != null && m.entry() != null ? m.entry() : visitEntry;
  }
}
