package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.Privilege;
import org.springframework.stereotype.Component;

/** Privilege checks of the FHIR interface, answered as FHIR errors (OperationOutcome). */
@Component
class FhirAccess {

  private final CurrentActor currentActor;

  FhirAccess(CurrentActor currentActor) {
    this.currentActor = currentActor;
  }

  Actor require(Privilege privilege) {
    Actor actor = currentActor.get().orElseThrow(() -> new AuthenticationException("请先登录"));
    if (!actor.can(privilege.name())) {
      throw new ForbiddenOperationException("您没有" + privilege.label() + "的权限");
    }
    return actor;
  }

  /** The actor holding at least one of the privileges (e.g. referrals: create or process). */
  Actor requireAny(Privilege... privileges) {
    Actor actor = currentActor.get().orElseThrow(() -> new AuthenticationException("请先登录"));
    for (Privilege privilege : privileges) {
      if (actor.can(privilege.name())) {
        return actor;
      }
    }
    throw new ForbiddenOperationException("您没有" + privileges[0].label() + "的权限");
  }
}
