package org.countyhealth.residents.web;

import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.Privilege;

/** The actor of the request, holding the privilege the action needs. */
final class Permissions {

  private Permissions() {}

  static Actor require(CurrentActor current, Privilege privilege) {
    Actor actor = current.require();
    if (!actor.can(privilege.name())) {
      throw new AccessDenied("ACCESS_DENIED", "您没有" + privilege.label() + "的权限");
    }
    return actor;
  }
}
