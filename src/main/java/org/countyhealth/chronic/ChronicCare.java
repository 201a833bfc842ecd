package org.countyhealth.chronic;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.countyhealth.shared.Actor;

/**
 * The chronic module's facade: enrol a patient, record a follow-up with the programme's rules
 * applied, record a screening reading. Refusals are {@code BusinessException}s and save nothing.
 */
public interface ChronicCare {

  /** Enrols a confirmed patient in the registry of a disease; returns the enrolment id. */
  long enrol(Actor actor, EnrolmentRequest request);

  /** Records a follow-up: classification, grade, next date, referral suggestion or emergency. */
  FollowUpOutcome recordFollowUp(Actor actor, FollowUpRequest request);

  /** Applies the rules to a follow-up being typed, saving nothing (the form's preview). */
  FollowUpOutcome preview(Actor actor, FollowUpRequest request);

  /** Records a screening BP reading; answers the outcome (normal, recheck, suspected case). */
  String screen(Actor actor, ScreeningRequest request);

  /**
   * Changes the registry status (MANAGED, TRANSFERRED, LOST, DIED, REFUSED) with a reason; a reason
   * is required unless the patient returns to management.
   */
  void changeStatus(Actor actor, long enrolmentId, String status, String reason);

  /** The resident's enrolments, every status, newest first; not found when out of scope. */
  List<EnrolmentSummary> enrolments(Actor actor, long residentId);

  /** One enrolment; empty when unknown or outside the actor's scope. */
  Optional<EnrolmentSummary> enrolment(Actor actor, long enrolmentId);

  /** The resident's follow-ups (voided ones left out), oldest first. */
  List<FollowUpSummary> followUps(Actor actor, long residentId);

  /** One follow-up; empty when unknown, voided or outside the actor's scope. */
  Optional<FollowUpSummary> followUp(Actor actor, long followUpId);

  /** The resident's screening readings, oldest first. */
  List<ScreeningSummary> screenings(Actor actor, long residentId);

  /** One screening reading; empty when unknown or outside the actor's scope. */
  Optional<ScreeningSummary> screening(Actor actor, long screeningId);

  /**
   * Checks measurements against the physiological ranges of the rules, reading and saving nothing;
   * any value may be null. Refusals name the field (systolic, diastolic, fastingGlucose, heartRate,
   * weightKg, heightCm, hba1c).
   */
  void checkMeasurements(
      Integer systolic,
      Integer diastolic,
      BigDecimal fastingGlucose,
      Integer heartRate,
      BigDecimal weightKg,
      BigDecimal heightCm,
      BigDecimal hba1c);
}
