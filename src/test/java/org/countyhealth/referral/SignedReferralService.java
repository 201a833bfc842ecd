package org.countyhealth.referral;

import org.countyhealth.organization.TestActors;
import org.countyhealth.referral.domain.NewReferral;
import org.countyhealth.referral.domain.Referral;
import org.countyhealth.referral.domain.ReferralService;
import org.countyhealth.shared.Actor;

/**
 * The referral service called as a signed-in person would: each call runs with the actor as the
 * authenticated principal, so the service's {@code @PreAuthorize} declarations apply.
 */
final class SignedReferralService {

  private final ReferralService service;

  SignedReferralService(ReferralService service) {
    this.service = service;
  }

  long create(Actor a, NewReferral in, boolean submit) {
    return TestActors.as(a, () -> service.create(a, in, submit));
  }

  void submit(Actor a, long id) {
    TestActors.as(a, () -> service.submit(a, id));
  }

  void receive(Actor a, long id) {
    TestActors.as(a, () -> service.receive(a, id));
  }

  void accept(Actor a, long id, long resourceId) {
    TestActors.as(a, () -> service.accept(a, id, resourceId));
  }

  void decline(Actor a, long id, String reason) {
    TestActors.as(a, () -> service.decline(a, id, reason));
  }

  void arrive(Actor a, long id) {
    TestActors.as(a, () -> service.arrive(a, id));
  }

  void treat(Actor a, long id, Referral.CareMode mode) {
    TestActors.as(a, () -> service.treat(a, id, mode));
  }

  void close(Actor a, long id, Referral.Outcome outcome) {
    TestActors.as(a, () -> service.close(a, id, outcome));
  }

  long referDown(Actor a, long upId, NewReferral down) {
    return TestActors.as(a, () -> service.referDown(a, upId, down));
  }

  void approve(Actor a, long id, String opinion) {
    TestActors.as(a, () -> service.approve(a, id, opinion));
  }

  void confirmBack(Actor a, long id) {
    TestActors.as(a, () -> service.confirmBack(a, id));
  }

  void cancel(Actor a, long id, String reason) {
    TestActors.as(a, () -> service.cancel(a, id, reason));
  }

  void recordResult(Actor a, long id, String note) {
    TestActors.as(a, () -> service.recordResult(a, id, note));
  }

  Referral visible(Actor a, long id) {
    return TestActors.as(a, () -> service.visible(a, id));
  }
}
