package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.countyhealth.chronic.FollowUpSummary;
import org.countyhealth.fhir.server.Measurement.Kind;
import org.countyhealth.shared.Actor;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.stereotype.Component;

/**
 * The Observations of a visit sent again: their Encounter was recognised by its content ({@link
 * EncounterWriter}) and had already become a follow-up or screening. A measurement equal to the one
 * recorded (same code, same value in the form's unit) is the Observation already held (200, nothing
 * written); a different one, or one the visit did not record, is refused with 409 Conflict at the
 * Observation: the visit is recorded, and a second follow-up for it would be a duplicate.
 */
@Component
class HeldVisits {

  /** Session attribute: the encounter ids recognised as already held in this request. */
  private static final String HELD = "fhir.held-encounters";

  private final Visits visits;
  private final Subjects subjects;

  HeldVisits(Visits visits, Subjects subjects) {
    this.visits = visits;
    this.subjects = subjects;
  }

  /** The Encounter {@code id} of this request is one already held (recognised by content). */
  static void remember(long encounterId, WriteSession session) {
    held(session).add(encounterId);
  }

  static boolean recognised(long encounterId, WriteSession session) {
    return held(session).contains(encounterId);
  }

  private static Set<Long> held(WriteSession session) {
    return session.attribute(HELD, HashSet::new);
  }

  /**
   * The Observation already recorded for {@code m} in the held visit, or a refusal naming what was
   * recorded and what was sent. {@code on} is the Observation's own date (an HbA1c's test date).
   */
  IdType answer(Actor actor, long encounterId, Measurement m, LocalDate on, WriteSession session) {
    Visit visit =
        visits
            .find(actor, String.valueOf(encounterId))
            .orElseThrow(
                () ->
                    Refusals.unprocessable(
                        "找不到该患者的就诊 Encounter/" + encounterId, "Observation.encounter"));
    String recorded = recorded(visit, m.kind(), m.code());
    String sent = sent(m, visit, on);
    // The BMI is not kept as sent: the follow-up computes it from weight and height (compared).
    boolean same = m.kind() == Kind.BMI ? recorded != null : sent.equals(recorded);
    if (!same) {
      String message =
          "该就诊已登记，测量值与已登记的不同："
              + m.kind().label()
              + " 已登记 "
              + (recorded == null ? "无" : recorded)
              + "，本次 "
              + sent
              + "（如需更正，请在随访页面修改已登记的随访）";
      ResourceVersionConflictException conflict = new ResourceVersionConflictException(message);
      conflict.setOperationOutcome(
          EntryFailures.outcome(IssueType.CONFLICT, message, location(m, visit, recorded)));
      throw conflict;
    }
    IdType id = new IdType("Observation", encounterId + "-" + m.kind().suffix());
    session.heldAlready(id);
    subjects.audit(ObservationProvider.READ, visit.residentId());
    return id;
  }

  /** What the visit recorded for the kind, as text in the form's unit; {@code null}: nothing. */
  private static String recorded(Visit v, Kind kind, String sentCode) {
    return switch (kind) {
      case BLOOD_PRESSURE ->
          v.systolic() == null ? null : v.systolic() + "/" + v.diastolic() + " mmHg";
      case GLUCOSE ->
          v.first(FollowUpSummary::fastingGlucose)
              .map(g -> number(g) + " mmol/L（LOINC " + glucoseCode(v, sentCode) + "）")
              .orElse(null);
      case WEIGHT -> v.first(FollowUpSummary::weightKg).map(w -> number(w) + " kg").orElse(null);
      case HEIGHT -> v.first(FollowUpSummary::heightCm).map(h -> number(h) + " cm").orElse(null);
      case BMI -> v.first(FollowUpSummary::bmi).map(b -> number(b) + " kg/m2").orElse(null);
      case HEART_RATE -> v.first(FollowUpSummary::heartRate).map(r -> r + " /min").orElse(null);
      case HBA1C ->
          v.followUps().stream()
              .filter(f -> f.hba1c() != null)
              .findFirst()
              .map(f -> number(f.hba1c()) + " %（检查日期 " + f.hba1cOn() + "）")
              .orElse(null);
    };
  }

  /** The same text for the measurement sent. */
  private static String sent(Measurement m, Visit v, LocalDate on) {
    return switch (m.kind()) {
      case BLOOD_PRESSURE -> m.systolic() + "/" + m.diastolic() + " mmHg";
      case GLUCOSE -> number(m.value()) + " mmol/L（LOINC " + glucoseCode(v, m.code()) + "）";
      case WEIGHT -> number(m.value()) + " kg";
      case HEIGHT -> number(m.value()) + " cm";
      case BMI -> number(m.value()) + " kg/m2";
      case HEART_RATE -> m.value().intValue() + " /min";
      case HBA1C -> number(m.value()) + " %（检查日期 " + (on == null ? v.date() : on) + "）";
    };
  }

  /** The glucose code recorded with the visit; a visit typed on the page has none: the sent one. */
  private static String glucoseCode(Visit v, String sent) {
    return v.glucoseCode() != null ? v.glucoseCode() : sent;
  }

  private static String number(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString();
  }

  /** The element that differs: the component of the pressure, the value, or the test date. */
  private static String location(Measurement m, Visit v, String recorded) {
    if (recorded == null) {
      return "Observation.code";
    }
    if (m.kind() == Kind.BLOOD_PRESSURE) {
      return m.locations()
          .get(Objects.equals(v.systolic(), m.systolic()) ? "diastolic" : "systolic");
    }
    if (m.kind() == Kind.GLUCOSE && v.glucoseCode() != null && !v.glucoseCode().equals(m.code())) {
      return "Observation.code";
    }
    if (m.kind() == Kind.HBA1C && recorded.startsWith(number(m.value()) + " %")) {
      return "Observation.effective";
    }
    return m.locations().get(Measurements.field(m.kind()));
  }
}
