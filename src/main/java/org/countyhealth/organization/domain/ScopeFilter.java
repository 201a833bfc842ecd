package org.countyhealth.organization.domain;

import java.util.ArrayList;
import java.util.List;
import org.countyhealth.shared.DataScope;

/**
 * The data-scope condition of a query: {@code TRUE} for the whole consortium, an IN list of licence
 * codes otherwise, {@code FALSE} for an empty scope.
 */
record ScopeFilter(String sql, List<Object> params) {

  static ScopeFilter of(DataScope scope, String column) {
    if (scope.all()) {
      return new ScopeFilter("TRUE", List.of());
    }
    if (scope.licenceCodes().isEmpty()) {
      return new ScopeFilter("FALSE", List.of());
    }
    List<Object> params = new ArrayList<>(scope.licenceCodes());
    String marks = String.join(",", java.util.Collections.nCopies(params.size(), "?"));
    return new ScopeFilter(column + " IN (" + marks + ")", params);
  }
}
