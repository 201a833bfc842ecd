package org.countyhealth.chronic.domain;

import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.residents.Residents;
import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.stereotype.Component;

/**
 * Privilege and data-scope checks. A resident is visible when the scope includes his owning,
 * village-clinic or township facility; outside the scope he does not exist (404, not 403).
 */
@Component
public class Access {

  private final Residents residents;

  Access(Residents residents) {
    this.residents = residents;
  }

  public static void require(Actor actor, Privilege privilege) {
    if (!actor.can(privilege.name())) {
      throw new AccessDenied("CHRONIC_FORBIDDEN", "您没有" + privilege.label() + "的权限");
    }
  }

  public ResidentSummary resident(Actor actor, long residentId) {
    return residents
        .find(residentId)
        .filter(r -> visible(actor, r))
        .orElseThrow(() -> new NotFound("RESIDENT_NOT_FOUND", "未找到该居民"));
  }

  static boolean visible(Actor actor, ResidentSummary r) {
    var scope = actor.scope();
    return scope.includes(r.facilityCode())
        || (r.villageClinicCode() != null && scope.includes(r.villageClinicCode()))
        || (r.townshipCode() != null && scope.includes(r.townshipCode()));
  }
}
