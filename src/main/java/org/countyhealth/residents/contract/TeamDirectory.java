package org.countyhealth.residents.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.countyhealth.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Family-doctor teams, read from organization.family_doctor_team, which the contract table
 * references. The organization facade has no team query yet; this read model is the only place that
 * touches the table and can move behind such a method when it exists.
 */
@Component
public class TeamDirectory {

  private final JdbcClient jdbc;

  TeamDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<TeamRef> find(long teamId) {
    return jdbc.sql(
            "SELECT id, name, facility_code, active FROM organization.family_doctor_team"
                + " WHERE id = ?")
        .param(teamId)
        .query(TeamDirectory::team)
        .optional();
  }

  /** Active teams whose facility lies in the scope, by name. */
  public List<TeamRef> visible(DataScope scope) {
    List<Object> params = new ArrayList<>();
    String where = "TRUE";
    if (!scope.all()) {
      if (scope.licenceCodes().isEmpty()) {
        return List.of();
      }
      params.addAll(scope.licenceCodes());
      where =
          "facility_code IN ("
              + String.join(",", java.util.Collections.nCopies(params.size(), "?"))
              + ")";
    }
    return jdbc.sql(
            "SELECT id, name, facility_code, active FROM organization.family_doctor_team"
                + " WHERE active AND "
                + where
                + " ORDER BY facility_code, name")
        .params(params)
        .query(TeamDirectory::team)
        .list();
  }

  /** An active team of the township centre (or owning facility) of the resident. */
  public Optional<Long> near(String townshipCode, String facilityCode) {
    return jdbc
        .sql(
            "SELECT id FROM organization.family_doctor_team WHERE active"
                + " AND facility_code IN (?, ?) ORDER BY id")
        .params(townshipCode, facilityCode)
        .query(Long.class)
        .list()
        .stream()
        .findFirst();
  }

  private static TeamRef team(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new TeamRef(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("facility_code"),
        rs.getBoolean("active"));
  }
}
