package org.countyhealth.chronic.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.chronic.EnrolmentRequest;
import org.countyhealth.chronic.EnrolmentSummary;
import org.countyhealth.chronic.FollowUpOutcome;
import org.countyhealth.chronic.FollowUpRequest;
import org.countyhealth.chronic.FollowUpSummary;
import org.countyhealth.chronic.ScreeningRequest;
import org.countyhealth.chronic.ScreeningSummary;
import org.countyhealth.chronic.rules.BodyMassIndex;
import org.countyhealth.chronic.rules.Hba1c;
import org.countyhealth.chronic.rules.Vitals;
import org.countyhealth.shared.Actor;
import org.springframework.stereotype.Component;

/** The module's facade, delegating to the registry, follow-ups and screening. */
@Component
class ChronicFacade implements ChronicCare {

  private final Registry registry;
  private final FollowUps followUps;
  private final ScreeningDesk screening;
  private final ChronicReads reads;

  ChronicFacade(
      Registry registry, FollowUps followUps, ScreeningDesk screening, ChronicReads reads) {
    this.registry = registry;
    this.followUps = followUps;
    this.screening = screening;
    this.reads = reads;
  }

  @Override
  public long enrol(Actor actor, EnrolmentRequest request) {
    return registry.enrol(actor, request);
  }

  @Override
  public FollowUpOutcome recordFollowUp(Actor actor, FollowUpRequest request) {
    return followUps.record(actor, request);
  }

  @Override
  public FollowUpOutcome preview(Actor actor, FollowUpRequest request) {
    return followUps.preview(actor, request);
  }

  @Override
  public String screen(Actor actor, ScreeningRequest request) {
    return screening.screen(actor, request).name();
  }

  @Override
  public void changeStatus(Actor actor, long enrolmentId, String status, String reason) {
    registry.changeStatus(actor, enrolmentId, status, reason);
  }

  @Override
  public List<EnrolmentSummary> enrolments(Actor actor, long residentId) {
    return reads.enrolments(actor, residentId);
  }

  @Override
  public Optional<EnrolmentSummary> enrolment(Actor actor, long enrolmentId) {
    return reads.enrolment(actor, enrolmentId);
  }

  @Override
  public List<FollowUpSummary> followUps(Actor actor, long residentId) {
    return reads.followUps(actor, residentId);
  }

  @Override
  public Optional<FollowUpSummary> followUp(Actor actor, long followUpId) {
    return reads.followUp(actor, followUpId);
  }

  @Override
  public List<ScreeningSummary> screenings(Actor actor, long residentId) {
    return reads.screenings(actor, residentId);
  }

  @Override
  public Optional<ScreeningSummary> screening(Actor actor, long screeningId) {
    return reads.screening(actor, screeningId);
  }

  @Override
  public void checkMeasurements(
      Integer systolic,
      Integer diastolic,
      BigDecimal fastingGlucose,
      Integer heartRate,
      BigDecimal weightKg,
      BigDecimal heightCm,
      BigDecimal hba1c) {
    Hba1c.range(hba1c);
    new Vitals(systolic, diastolic, fastingGlucose, heartRate, null);
    // The BMI rule checks weight and height ranges; a typical partner value lets each stand alone.
    BodyMassIndex.of(weightKg, heightCm == null ? BigDecimal.valueOf(170) : heightCm);
    BodyMassIndex.of(weightKg == null ? BigDecimal.valueOf(70) : weightKg, heightCm);
  }
}
