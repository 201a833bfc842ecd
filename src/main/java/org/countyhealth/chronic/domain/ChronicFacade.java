package org.countyhealth.chronic.domain;

import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.chronic.EnrolmentRequest;
import org.countyhealth.chronic.FollowUpOutcome;
import org.countyhealth.chronic.FollowUpRequest;
import org.countyhealth.chronic.ScreeningRequest;
import org.countyhealth.shared.Actor;
import org.springframework.stereotype.Component;

/** The module's facade, delegating to the registry, follow-ups and screening. */
@Component
class ChronicFacade implements ChronicCare {

  private final Registry registry;
  private final FollowUps followUps;
  private final ScreeningDesk screening;

  ChronicFacade(Registry registry, FollowUps followUps, ScreeningDesk screening) {
    this.registry = registry;
    this.followUps = followUps;
    this.screening = screening;
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
}
