package org.countyhealth.chronic.domain;

import java.util.Optional;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.residents.Residents;
import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Privilege and data-scope checks. A resident is visible when the scope includes his owning,
 * village-clinic or township facility; outside the scope he does not exist (404, not 403).
 */
@Component
public class Access {

  private final ObjectProvider<Residents> residents;
  private final JdbcClient jdbc;

  Access(ObjectProvider<Residents> residents, JdbcClient jdbc) {
    this.residents = residents;
    this.jdbc = jdbc;
  }

  /**
   * The residents facade when its implementation (the EMPI, merged in parallel) is present;
   * otherwise the active row of the V2_0_0 resident table, which is the module's published
   * contract.
   */
  private Optional<ResidentSummary> find(long id) {
    Residents facade = residents.getIfAvailable();
    if (facade != null) {
      return facade.find(id);
    }
    return jdbc.sql(
            "SELECT id, name, sex, birth_date, facility_code, village_clinic_code, township_code,"
                + " family_doctor_id FROM residents.resident WHERE id = ? AND status = 'ACTIVE'")
        .param(id)
        .query(
            (rs, i) ->
                new ResidentSummary(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, java.time.LocalDate.class),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    (Long) rs.getObject(8, Long.class)))
        .optional();
  }

  public static void require(Actor actor, Privilege privilege) {
    if (!actor.can(privilege.name())) {
      throw new AccessDenied("CHRONIC_FORBIDDEN", "您没有" + privilege.label() + "的权限");
    }
  }

  public ResidentSummary resident(Actor actor, long residentId) {
    return find(residentId)
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
