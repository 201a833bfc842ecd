package org.countyhealth.chronic.domain;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names and grids of the facilities, read afresh for every indicator page (a few hundred rows), so
 * that cached counts, which are keyed by licence code only, never show a stale name or grid. A grid
 * is the facility's own or its parent's (ADR 0005 addendum).
 */
@Component
class IndicatorFacilities {

  record Entry(String name, String gridKey, String gridName) {}

  private final JdbcClient jdbc;

  IndicatorFacilities(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, Entry> all() {
    Map<String, Entry> all = new HashMap<>();
    jdbc.sql(
            "SELECT f.licence_code, f.name, CAST(COALESCE(f.grid_id, pf.grid_id) AS VARCHAR(20)),"
                + " g.name FROM organization.facility f"
                + " LEFT JOIN organization.facility pf ON pf.licence_code = f.parent_code"
                + " LEFT JOIN organization.grid g ON g.id = COALESCE(f.grid_id, pf.grid_id)")
        .query(
            (rs, i) ->
                all.put(
                    rs.getString(1), new Entry(rs.getString(2), rs.getString(3), rs.getString(4))))
        .list();
    return all;
  }

  /** The entry of a code absent from the table (an enrolment's facility since removed). */
  static Entry unknown() {
    return new Entry(null, null, null);
  }
}
