package org.countyhealth.organization.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.Profession;
import org.countyhealth.organization.Title;
import org.countyhealth.organization.domain.Views.DepartmentView;
import org.countyhealth.organization.domain.Views.DivisionView;
import org.countyhealth.organization.domain.Views.FacilityView;
import org.countyhealth.organization.domain.Views.GridView;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the pages and the API read about facilities, always within the actor's data scope: the scope
 * is a condition of the SQL, and a facility outside it is reported exactly like an unknown one.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAuthority('FACILITY_VIEW')")
public class OrganizationQueries {

  private static final String FACILITY_SELECT =
      """
      SELECT f.licence_code, f.name, f.type, f.parent_code, p.name AS parent_name, f.division_code,
             d.name AS division_name, f.grid_id, g.name AS grid_name, f.address, f.phone, f.active,
             (SELECT COUNT(*) FROM organization.staff s
               WHERE s.facility_code = f.licence_code AND s.active) AS staff_count
        FROM organization.facility f
        LEFT JOIN organization.facility p ON p.licence_code = f.parent_code
        LEFT JOIN organization.division d ON d.code = f.division_code
        LEFT JOIN organization.grid g ON g.id = f.grid_id
      """;

  /** Higher levels first (lead hospital, county hospitals, centres, clinics), then by name. */
  static final Comparator<FacilityView> TREE_ORDER =
      Comparator.comparing((FacilityView f) -> f.type().member() ? -f.type().level() : 0)
          .thenComparing(f -> f.type().ordinal())
          .thenComparing(FacilityView::name);

  private final JdbcClient jdbc;

  OrganizationQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Facilities in scope, optionally of one type and whose name contains the text. */
  public List<FacilityView> facilities(DataScope scope, FacilityType type, String nameContains) {
    ScopeFilter filter = ScopeFilter.of(scope, "f.licence_code");
    StringBuilder sql = new StringBuilder(FACILITY_SELECT).append(" WHERE ").append(filter.sql());
    List<Object> params = new ArrayList<>(filter.params());
    if (type != null) {
      sql.append(" AND f.type = ?");
      params.add(type.name());
    }
    if (nameContains != null && !nameContains.isBlank()) {
      sql.append(" AND f.name LIKE ?");
      params.add("%" + likeEscaped(nameContains.strip()) + "%");
    }
    List<FacilityView> found =
        new ArrayList<>(
            jdbc.sql(sql.toString()).params(params).query(OrganizationQueries::facility).list());
    found.sort(TREE_ORDER);
    return found;
  }

  /** One facility in scope; {@link NotFound} when unknown or outside the scope. */
  public FacilityView facility(DataScope scope, String licenceCode) {
    ScopeFilter filter = ScopeFilter.of(scope, "f.licence_code");
    List<Object> params = new ArrayList<>(filter.params());
    params.add(licenceCode);
    return jdbc.sql(FACILITY_SELECT + " WHERE " + filter.sql() + " AND f.licence_code = ?")
        .params(params)
        .query(OrganizationQueries::facility)
        .optional()
        .orElseThrow(() -> new NotFound("FACILITY_NOT_FOUND", "未找到该机构，或该机构不在您的数据范围内"));
  }

  public List<FacilityView> children(DataScope scope, String licenceCode) {
    ScopeFilter filter = ScopeFilter.of(scope, "f.licence_code");
    List<Object> params = new ArrayList<>(filter.params());
    params.add(licenceCode);
    List<FacilityView> found =
        new ArrayList<>(
            jdbc.sql(FACILITY_SELECT + " WHERE " + filter.sql() + " AND f.parent_code = ?")
                .params(params)
                .query(OrganizationQueries::facility)
                .list());
    found.sort(TREE_ORDER);
    return found;
  }

  /** Departments of a facility in scope. */
  public List<DepartmentView> departments(DataScope scope, String licenceCode) {
    ScopeFilter filter = ScopeFilter.of(scope, "facility_code");
    List<Object> params = new ArrayList<>(filter.params());
    params.add(licenceCode);
    return jdbc.sql(
            "SELECT id, code, name, active FROM organization.department WHERE "
                + filter.sql()
                + " AND facility_code = ? ORDER BY code")
        .params(params)
        .query(
            (rs, i) ->
                new DepartmentView(
                    rs.getLong("id"),
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getBoolean("active")))
        .list();
  }

  /** Grids with at least one centre in scope (all grids for the whole consortium). */
  public List<GridView> grids(DataScope scope) {
    ScopeFilter filter = ScopeFilter.of(scope, "f.licence_code");
    String sql =
        scope.all()
            ? "SELECT g.id, g.name, (SELECT COUNT(*) FROM organization.facility f"
                + " WHERE f.grid_id = g.id) AS centres FROM organization.grid g ORDER BY g.name"
            : "SELECT g.id, g.name, COUNT(f.licence_code) AS centres FROM organization.grid g"
                + " JOIN organization.facility f ON f.grid_id = g.id WHERE "
                + filter.sql()
                + " GROUP BY g.id, g.name ORDER BY g.name";
    return jdbc.sql(sql)
        .params(filter.params())
        .query(
            (rs, i) -> new GridView(rs.getLong("id"), rs.getString("name"), rs.getLong("centres")))
        .list();
  }

  /** Divisions below province level, for the facility form. */
  public List<DivisionView> divisions() {
    return jdbc.sql(
            "SELECT code, name, level FROM organization.division WHERE level >= 2 ORDER BY code")
        .query((rs, i) -> new DivisionView(rs.getString(1), rs.getString(2), rs.getInt(3)))
        .list();
  }

  static FacilityView facility(ResultSet rs, int row) throws SQLException {
    return new FacilityView(
        rs.getString("licence_code"),
        rs.getString("name"),
        FacilityType.valueOf(rs.getString("type")),
        rs.getString("parent_code"),
        rs.getString("parent_name"),
        rs.getString("division_code"),
        rs.getString("division_name"),
        rs.getObject("grid_id") == null ? null : rs.getLong("grid_id"),
        rs.getString("grid_name"),
        rs.getString("address"),
        rs.getString("phone"),
        rs.getBoolean("active"),
        rs.getLong("staff_count"));
  }

  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  static Profession profession(String value) {
    return value == null ? null : Profession.valueOf(value);
  }

  static Title title(String value) {
    return value == null ? null : Title.valueOf(value);
  }
}
