package org.countyhealth.chronic;

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
}
