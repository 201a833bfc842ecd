package org.countyhealth.organization.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.countyhealth.organization.Profession;
import org.countyhealth.organization.TeamRole;
import org.countyhealth.organization.domain.Views.MemberView;
import org.countyhealth.organization.domain.Views.PageOf;
import org.countyhealth.organization.domain.Views.StaffView;
import org.countyhealth.organization.domain.Views.TeamView;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff and family-doctor teams as the pages and the API read them, within the data scope. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAuthority('STAFF_VIEW')")
public class StaffQueries {

  public static final int MAX_PAGE_SIZE = 100;

  private static final String STAFF_FROM =
      """
        FROM organization.staff s
        JOIN organization.facility f ON f.licence_code = s.facility_code
        LEFT JOIN organization.department d ON d.id = s.department_id
      """;
  private static final String STAFF_COLUMNS =
      "SELECT s.id, s.name, s.sex, s.profession, s.title, s.facility_code, f.name AS facility_name,"
          + " s.department_id, d.name AS department_name, s.licence_number, s.phone, s.active";

  private static final String TEAM_SELECT =
      """
      SELECT t.id, t.name, t.facility_code, f.name AS facility_name, t.leader_id,
             l.name AS leader_name, t.active,
             (SELECT COUNT(*) FROM organization.team_member m WHERE m.team_id = t.id) AS members
        FROM organization.family_doctor_team t
        JOIN organization.facility f ON f.licence_code = t.facility_code
        JOIN organization.staff l ON l.id = t.leader_id
      """;

  private final JdbcClient jdbc;

  StaffQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A page of staff in scope, optionally of one facility, one profession, a name fragment. */
  public PageOf<StaffView> staff(
      DataScope scope,
      String facilityCode,
      Profession profession,
      String nameContains,
      int page,
      int size) {
    int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
    int pageNo = Math.max(0, page);
    ScopeFilter filter = ScopeFilter.of(scope, "s.facility_code");
    StringBuilder where = new StringBuilder(" WHERE ").append(filter.sql());
    List<Object> params = new ArrayList<>(filter.params());
    if (facilityCode != null && !facilityCode.isBlank()) {
      where.append(" AND s.facility_code = ?");
      params.add(facilityCode.strip());
    }
    if (profession != null) {
      where.append(" AND s.profession = ?");
      params.add(profession.name());
    }
    if (nameContains != null && !nameContains.isBlank()) {
      where.append(" AND s.name LIKE ?");
      params.add("%" + OrganizationQueries.likeEscaped(nameContains.strip()) + "%");
    }
    long total =
        jdbc.sql("SELECT COUNT(*)" + STAFF_FROM + where).params(params).query(Long.class).single();
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add(pageSize);
    pageParams.add((long) pageNo * pageSize);
    List<StaffView> items =
        jdbc.sql(
                STAFF_COLUMNS
                    + STAFF_FROM
                    + where
                    + " ORDER BY s.active DESC, f.name, s.name, s.id LIMIT ? OFFSET ?")
            .params(pageParams)
            .query(StaffQueries::staffView)
            .list();
    return new PageOf<>(items, pageNo, pageSize, total);
  }

  /** One staff member in scope; {@link NotFound} when unknown or outside the scope. */
  public StaffView staffMember(DataScope scope, long id) {
    ScopeFilter filter = ScopeFilter.of(scope, "s.facility_code");
    List<Object> params = new ArrayList<>(filter.params());
    params.add(id);
    return jdbc.sql(STAFF_COLUMNS + STAFF_FROM + " WHERE " + filter.sql() + " AND s.id = ?")
        .params(params)
        .query(StaffQueries::staffView)
        .optional()
        .orElseThrow(() -> new NotFound("STAFF_NOT_FOUND", "未找到该人员，或其不在您的数据范围内"));
  }

  /** Teams whose township centre is in scope, optionally of one centre. */
  public List<TeamView> teams(DataScope scope, String facilityCode) {
    ScopeFilter filter = ScopeFilter.of(scope, "t.facility_code");
    StringBuilder sql = new StringBuilder(TEAM_SELECT).append(" WHERE ").append(filter.sql());
    List<Object> params = new ArrayList<>(filter.params());
    if (facilityCode != null && !facilityCode.isBlank()) {
      sql.append(" AND t.facility_code = ?");
      params.add(facilityCode.strip());
    }
    sql.append(" ORDER BY f.name, t.name");
    return jdbc.sql(sql.toString()).params(params).query(StaffQueries::teamView).list();
  }

  public TeamView team(DataScope scope, long id) {
    ScopeFilter filter = ScopeFilter.of(scope, "t.facility_code");
    List<Object> params = new ArrayList<>(filter.params());
    params.add(id);
    return jdbc.sql(TEAM_SELECT + " WHERE " + filter.sql() + " AND t.id = ?")
        .params(params)
        .query(StaffQueries::teamView)
        .optional()
        .orElseThrow(() -> new NotFound("TEAM_NOT_FOUND", "未找到该团队，或其不在您的数据范围内"));
  }

  /** Members of a team already read within scope (they may work at the county hospital). */
  public List<MemberView> members(TeamView team) {
    return jdbc
        .sql(
            "SELECT m.staff_id, s.name, m.role, s.profession, s.facility_code,"
                + " f.name AS facility_name FROM organization.team_member m"
                + " JOIN organization.staff s ON s.id = m.staff_id"
                + " JOIN organization.facility f ON f.licence_code = s.facility_code"
                + " WHERE m.team_id = ? ORDER BY m.role, s.name")
        .param(team.id())
        .query(
            (rs, i) ->
                new MemberView(
                    rs.getLong("staff_id"),
                    rs.getString("name"),
                    TeamRole.valueOf(rs.getString("role")),
                    Profession.valueOf(rs.getString("profession")),
                    rs.getString("facility_code"),
                    rs.getString("facility_name")))
        .list()
        .stream()
        .sorted(java.util.Comparator.comparing(MemberView::role))
        .toList();
  }

  static StaffView staffView(ResultSet rs, int row) throws SQLException {
    return new StaffView(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("sex"),
        OrganizationQueries.profession(rs.getString("profession")),
        OrganizationQueries.title(rs.getString("title")),
        rs.getString("facility_code"),
        rs.getString("facility_name"),
        rs.getObject("department_id") == null ? null : rs.getLong("department_id"),
        rs.getString("department_name"),
        rs.getString("licence_number"),
        rs.getString("phone"),
        rs.getBoolean("active"));
  }

  static TeamView teamView(ResultSet rs, int row) throws SQLException {
    return new TeamView(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("facility_code"),
        rs.getString("facility_name"),
        rs.getLong("leader_id"),
        rs.getString("leader_name"),
        rs.getLong("members"),
        rs.getBoolean("active"));
  }
}
