package org.countyhealth.organization.domain;

import java.util.ArrayList;
import java.util.List;
import org.countyhealth.organization.StaffCriteria;
import org.countyhealth.organization.StaffProfile;
import org.countyhealth.organization.TeamMembership;
import org.countyhealth.organization.TeamRole;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff and team memberships for other modules, the data scope in the WHERE clause. */
@Repository
class StaffDirectory {

  private final JdbcClient jdbc;

  StaffDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<StaffProfile> search(DataScope scope, StaffCriteria c, int limit) {
    return search(scope, c, Window.first(limit)).items();
  }

  Slice<StaffProfile> search(DataScope scope, StaffCriteria c, Window window) {
    ScopeFilter filter = ScopeFilter.of(scope, "s.facility_code");
    StringBuilder where = new StringBuilder(filter.sql());
    List<Object> params = new ArrayList<>(filter.params());
    if (c.name() != null && !c.name().isBlank()) {
      if (c.exactName()) {
        where.append(" AND s.name = ?");
        params.add(c.name().strip());
      } else {
        where.append(" AND s.name LIKE ?");
        params.add(OrganizationQueries.likeEscaped(c.name().strip()) + "%");
      }
    }
    if (c.licenceNumber() != null) {
      where.append(" AND s.licence_number = ?");
      params.add(c.licenceNumber().strip());
    }
    if (c.staffId() != null) {
      where.append(" AND s.id = ?");
      params.add(c.staffId());
    }
    if (c.facilityCode() != null) {
      where.append(" AND s.facility_code = ?");
      params.add(c.facilityCode().strip());
    }
    if (c.profession() != null) {
      where.append(" AND s.profession = ?");
      params.add(c.profession().name());
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM organization.staff s WHERE " + where)
            .params(params)
            .query(Long.class)
            .single();
    params.add(window.count());
    params.add(window.offset());
    List<StaffProfile> rows =
        jdbc.sql(
                "SELECT s.id, s.name, s.sex, s.facility_code, s.profession, s.title, s.licence_number,"
                    + " s.phone, s.active FROM organization.staff s WHERE "
                    + where
                    + " ORDER BY s.name, s.id LIMIT ? OFFSET ?")
            .params(params)
            .query(
                (rs, i) ->
                    new StaffProfile(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("sex"),
                        rs.getString("facility_code"),
                        OrganizationQueries.profession(rs.getString("profession")),
                        OrganizationQueries.title(rs.getString("title")),
                        rs.getString("licence_number"),
                        rs.getString("phone"),
                        rs.getBoolean("active")))
            .list();
    return new Slice<>(rows, total);
  }

  List<TeamMembership> memberships(
      DataScope scope, Long staffId, String facilityCode, TeamRole role, int limit) {
    return memberships(scope, staffId, facilityCode, role, Window.first(limit)).items();
  }

  Slice<TeamMembership> memberships(
      DataScope scope, Long staffId, String facilityCode, TeamRole role, Window window) {
    ScopeFilter filter = ScopeFilter.of(scope, "t.facility_code");
    StringBuilder where = new StringBuilder(filter.sql());
    List<Object> params = new ArrayList<>(filter.params());
    if (staffId != null) {
      where.append(" AND m.staff_id = ?");
      params.add(staffId);
    }
    if (facilityCode != null) {
      where.append(" AND t.facility_code = ?");
      params.add(facilityCode.strip());
    }
    if (role != null) {
      where.append(" AND m.role = ?");
      params.add(role.name());
    }
    String from =
        " FROM organization.team_member m"
            + " JOIN organization.family_doctor_team t ON t.id = m.team_id WHERE "
            + where;
    long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
    List<Object> paged = new ArrayList<>(params);
    paged.add(window.count());
    paged.add(window.offset());
    List<TeamMembership> rows =
        jdbc.sql(
                "SELECT t.id, t.name, t.facility_code, m.staff_id, m.role, t.active"
                    + from
                    + " ORDER BY t.id, m.staff_id LIMIT ? OFFSET ?")
            .params(paged)
            .query(
                (rs, i) ->
                    new TeamMembership(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("facility_code"),
                        rs.getLong("staff_id"),
                        TeamRole.valueOf(rs.getString("role")),
                        rs.getBoolean("active")))
            .list();
    return new Slice<>(rows, total);
  }
}
