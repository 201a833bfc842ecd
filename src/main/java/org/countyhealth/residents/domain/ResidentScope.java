package org.countyhealth.residents.domain;

import java.util.Map;
import org.countyhealth.shared.DataScope;

/**
 * The data-scope condition on residents, in SQL: a resident is visible when its owning facility,
 * responsible village clinic or township centre is in the actor's scope (DESIGN.md, Data).
 */
record ResidentScope(String sql, Map<String, Object> params) {

  static ResidentScope of(DataScope scope, String alias) {
    if (scope.all()) {
      return new ResidentScope("TRUE", Map.of());
    }
    if (scope.licenceCodes().isEmpty()) {
      return new ResidentScope("FALSE", Map.of());
    }
    String p = alias + ".";
    return new ResidentScope(
        "("
            + p
            + "facility_code IN (:scope) OR "
            + p
            + "village_clinic_code IN (:scope) OR "
            + p
            + "township_code IN (:scope))",
        Map.of("scope", scope.licenceCodes()));
  }
}
