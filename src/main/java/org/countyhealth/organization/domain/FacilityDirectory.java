package org.countyhealth.organization.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.FacilitySummary;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.OrganizationCounts;
import org.countyhealth.organization.StaffCriteria;
import org.countyhealth.organization.StaffProfile;
import org.countyhealth.organization.StaffSummary;
import org.countyhealth.organization.TeamMembership;
import org.countyhealth.organization.TeamRole;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the organization for other modules, straight from the tables. */
@Service
@Transactional(readOnly = true)
class FacilityDirectory implements Facilities {

  private static final String FACILITY_COLUMNS =
      "licence_code, name, type, parent_code, division_code, active";

  private final JdbcClient jdbc;
  private final StaffDirectory staff;

  FacilityDirectory(JdbcClient jdbc, StaffDirectory staff) {
    this.jdbc = jdbc;
    this.staff = staff;
  }

  @Override
  public List<StaffProfile> searchStaff(DataScope scope, StaffCriteria criteria, int limit) {
    return staff.search(scope, criteria, limit);
  }

  @Override
  public Slice<StaffProfile> searchStaff(DataScope scope, StaffCriteria criteria, Window window) {
    return staff.search(scope, criteria, window);
  }

  @Override
  public Slice<TeamMembership> teamMemberships(
      DataScope scope, Long staffId, String facilityCode, TeamRole role, Window window) {
    return staff.memberships(scope, staffId, facilityCode, role, window);
  }

  @Override
  public List<TeamMembership> teamMemberships(
      DataScope scope, Long staffId, String facilityCode, TeamRole role, int limit) {
    return staff.memberships(scope, staffId, facilityCode, role, limit);
  }

  @Override
  public Optional<FacilitySummary> find(String licenceCode) {
    return jdbc.sql(
            "SELECT " + FACILITY_COLUMNS + " FROM organization.facility WHERE licence_code = ?")
        .param(licenceCode)
        .query(FacilityDirectory::summary)
        .optional();
  }

  @Override
  public Set<String> subtreeOf(String licenceCode) {
    return new LinkedHashSet<>(
        jdbc.sql(
                """
                WITH RECURSIVE sub (code, depth) AS (
                  SELECT licence_code, 0 FROM organization.facility WHERE licence_code = ?
                  UNION ALL
                  SELECT f.licence_code, sub.depth + 1
                    FROM organization.facility f JOIN sub ON f.parent_code = sub.code
                   WHERE sub.depth < %d)
                SELECT code FROM sub ORDER BY depth, code"""
                    .formatted(Lineage.MAX_DEPTH))
            .param(licenceCode)
            .query(String.class)
            .list());
  }

  @Override
  public Optional<StaffSummary> findStaff(long staffId) {
    return jdbc.sql(
            "SELECT id, name, facility_code, profession, title, active"
                + " FROM organization.staff WHERE id = ?")
        .param(staffId)
        .query(
            (rs, i) ->
                new StaffSummary(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("facility_code"),
                    rs.getString("profession"),
                    rs.getString("title"),
                    rs.getBoolean("active")))
        .optional();
  }

  @Override
  public List<FacilitySummary> visible(DataScope scope) {
    ScopeFilter filter = ScopeFilter.of(scope, "licence_code");
    return jdbc
        .sql(
            "SELECT "
                + FACILITY_COLUMNS
                + " FROM organization.facility WHERE "
                + filter.sql()
                + " ORDER BY name")
        .params(filter.params())
        .query(FacilityDirectory::summary)
        .list()
        .stream()
        .sorted(
            // Consortium members from the top level down, partners outside last.
            java.util.Comparator.comparing(
                    (FacilitySummary f) -> f.type().member() ? -f.type().level() : 0)
                .thenComparing(FacilitySummary::name))
        .toList();
  }

  @Override
  public OrganizationCounts counts(DataScope scope) {
    ScopeFilter f = ScopeFilter.of(scope, "licence_code");
    ScopeFilter s = ScopeFilter.of(scope, "facility_code");
    return new OrganizationCounts(
        count("SELECT COUNT(*) FROM organization.facility WHERE " + f.sql(), f),
        count(
            "SELECT COUNT(*) FROM organization.facility WHERE type = 'TOWNSHIP_HEALTH_CENTRE' AND "
                + f.sql(),
            f),
        count(
            "SELECT COUNT(*) FROM organization.facility WHERE type = 'VILLAGE_CLINIC' AND "
                + f.sql(),
            f),
        count("SELECT COUNT(*) FROM organization.staff WHERE active AND " + s.sql(), s),
        count(
            "SELECT COUNT(*) FROM organization.family_doctor_team WHERE active AND " + s.sql(), s),
        count(
            "SELECT COUNT(DISTINCT grid_id) FROM organization.facility WHERE grid_id IS NOT NULL AND "
                + f.sql(),
            f));
  }

  private long count(String sql, ScopeFilter filter) {
    return jdbc.sql(sql).params(filter.params()).query(Long.class).single();
  }

  static FacilitySummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new FacilitySummary(
        rs.getString("licence_code"),
        rs.getString("name"),
        FacilityType.valueOf(rs.getString("type")),
        rs.getString("parent_code"),
        rs.getString("division_code"),
        rs.getBoolean("active"));
  }
}
