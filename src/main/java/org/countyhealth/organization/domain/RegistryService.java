package org.countyhealth.organization.domain;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.OrganizationRegistry;
import org.countyhealth.organization.TeamRole;
import org.countyhealth.organization.rules.DivisionCode;
import org.countyhealth.organization.rules.FacilityHierarchyPolicy;
import org.countyhealth.organization.rules.LicenceCode;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every write to the organization. Each check runs before the first write, and the transaction
 * rolls back on any refusal, so a refused change leaves the tables as they were.
 */
@Service
@Transactional
class RegistryService implements OrganizationRegistry {

  private final JdbcClient jdbc;
  private final Lineage lineage;
  private final StaffRoster roster;
  private final AuditTrail auditTrail;

  RegistryService(JdbcClient jdbc, Lineage lineage, StaffRoster roster, AuditTrail auditTrail) {
    this.jdbc = jdbc;
    this.lineage = lineage;
    this.roster = roster;
    this.auditTrail = auditTrail;
  }

  @Override
  @PreAuthorize("hasAuthority('FACILITY_MANAGE')")
  public long createConsortium(String name, String divisionCode) {
    String n = required(name, "CONSORTIUM_NAME_REQUIRED", "请填写医共体名称", "name");
    String division = knownDivision(divisionCode);
    long id =
        insert(
            "INSERT INTO organization.consortium (name, division_code, created_at) VALUES (?, ?, ?)",
            n,
            division,
            LocalDateTime.now());
    auditTrail.describe("CONSORTIUM_CREATE", "Consortium", String.valueOf(id));
    return id;
  }

  @Override
  @PreAuthorize("hasAuthority('FACILITY_MANAGE')")
  public long createGrid(long consortiumId, String name) {
    String n = required(name, "GRID_NAME_REQUIRED", "请填写片区名称", "name");
    if (count("SELECT COUNT(*) FROM organization.consortium WHERE id = ?", consortiumId) == 0) {
      throw new BusinessException("CONSORTIUM_UNKNOWN", "医共体不存在", "consortiumId");
    }
    if (count("SELECT COUNT(*) FROM organization.grid WHERE name = ?", n) > 0) {
      throw new BusinessException("GRID_NAME_DUPLICATE", "已有同名片区：" + n, "name");
    }
    long id =
        insert(
            "INSERT INTO organization.grid (consortium_id, name) VALUES (?, ?)", consortiumId, n);
    auditTrail.describe("GRID_CREATE", "Grid", String.valueOf(id));
    return id;
  }

  @Override
  @PreAuthorize("hasAuthority('FACILITY_MANAGE')")
  public void registerFacility(NewFacility f) {
    String code = new LicenceCode(f.licenceCode()).value();
    String name = required(f.name(), "FACILITY_NAME_REQUIRED", "请填写机构名称", "name");
    if (f.type() == null) {
      throw new BusinessException("FACILITY_TYPE_REQUIRED", "请选择机构类型", "type");
    }
    if (count("SELECT COUNT(*) FROM organization.facility WHERE licence_code = ?", code) > 0) {
      throw new BusinessException(
          "FACILITY_LICENCE_DUPLICATE", "登记号 " + code + " 已被其他机构使用", "licenceCode");
    }
    String division = knownDivision(f.divisionCode());
    String parent = blankToNull(f.parentCode());
    FacilityHierarchyPolicy.checkParent(
        code, f.type(), parentType(parent), parent == null ? List.of() : lineage.upFrom(parent));
    if (f.gridId() != null) {
      FacilityHierarchyPolicy.checkGrid(f.type(), centresInGrid(f.gridId(), code));
    }
    LocalDateTime now = LocalDateTime.now();
    try {
      insertFacility(f, code, name, parent, division, now);
    } catch (DuplicateKeyException e) {
      // Two registrations of one code at the same moment: the second loses here.
      throw new BusinessException(
          "FACILITY_LICENCE_DUPLICATE", "登记号 " + code + " 已被其他机构使用", "licenceCode");
    }
    auditTrail.describe("FACILITY_CREATE", "Facility", code);
  }

  private void insertFacility(
      NewFacility f, String code, String name, String parent, String division, LocalDateTime now) {
    jdbc.sql(
            "INSERT INTO organization.facility (licence_code, name, type, parent_code, division_code,"
                + " grid_id, address, phone, active, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?)")
        .params(
            code,
            name,
            f.type().name(),
            parent,
            division,
            f.gridId(),
            blankToNull(f.address()),
            blankToNull(f.phone()),
            now,
            now)
        .update();
  }

  @Override
  @PreAuthorize("hasAuthority('FACILITY_MANAGE')")
  public void updateFacility(String licenceCode, FacilityChange change) {
    record Current(String code, FacilityType type, Long gridId, boolean active) {}
    Current current =
        jdbc.sql(
                "SELECT licence_code, type, grid_id, active FROM organization.facility"
                    + " WHERE licence_code = ?")
            .param(licenceCode)
            .query(
                (rs, i) ->
                    new Current(
                        rs.getString(1),
                        FacilityType.valueOf(rs.getString(2)),
                        rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getBoolean(4)))
            .optional()
            .orElseThrow(() -> new NotFound("FACILITY_NOT_FOUND", "未找到该机构"));
    String name = required(change.name(), "FACILITY_NAME_REQUIRED", "请填写机构名称", "name");
    String parent = blankToNull(change.parentCode());
    FacilityHierarchyPolicy.checkParent(
        current.code(),
        current.type(),
        parentType(parent),
        parent == null ? List.of() : lineage.upFrom(parent));
    if (change.gridId() != null && !change.gridId().equals(current.gridId())) {
      FacilityHierarchyPolicy.checkGrid(
          current.type(), centresInGrid(change.gridId(), current.code()));
    }
    if (current.active() && !change.active()) {
      long activeChildren =
          count(
              "SELECT COUNT(*) FROM organization.facility WHERE parent_code = ? AND active",
              current.code());
      if (activeChildren > 0) {
        throw new BusinessException(
            "FACILITY_HAS_ACTIVE_CHILDREN",
            "该机构下还有 " + activeChildren + " 个在用的下级机构，请先停用或调整它们",
            "active");
      }
    }
    jdbc.sql(
            "UPDATE organization.facility SET name = ?, parent_code = ?, grid_id = ?, active = ?,"
                + " address = ?, phone = ?, updated_at = ? WHERE licence_code = ?")
        .params(
            name,
            parent,
            change.gridId(),
            change.active(),
            blankToNull(change.address()),
            blankToNull(change.phone()),
            LocalDateTime.now(),
            current.code())
        .update();
    auditTrail.describe("FACILITY_UPDATE", "Facility", current.code());
  }

  @Override
  @PreAuthorize("hasAuthority('FACILITY_MANAGE')")
  public long addDepartment(String facilityCode, String code, String name) {
    roster.knownFacility(facilityCode);
    String c = required(code, "DEPARTMENT_CODE_REQUIRED", "请填写科室代码", "code");
    String n = required(name, "DEPARTMENT_NAME_REQUIRED", "请填写科室名称", "name");
    if (count(
            "SELECT COUNT(*) FROM organization.department WHERE facility_code = ? AND code = ?",
            facilityCode,
            c)
        > 0) {
      throw new BusinessException("DEPARTMENT_CODE_DUPLICATE", "本机构已有科室代码 " + c, "code");
    }
    long id =
        insert(
            "INSERT INTO organization.department (facility_code, code, name, active)"
                + " VALUES (?, ?, ?, TRUE)",
            facilityCode,
            c,
            n);
    auditTrail.describe("DEPARTMENT_CREATE", "Department", String.valueOf(id));
    return id;
  }

  @Override
  @PreAuthorize("hasAuthority('STAFF_MANAGE')")
  public long addStaff(NewStaff staff) {
    return roster.addStaff(staff);
  }

  @Override
  @PreAuthorize("hasAuthority('STAFF_MANAGE')")
  public void updateStaff(long staffId, StaffChange change) {
    roster.updateStaff(staffId, change);
  }

  @Override
  @PreAuthorize("hasAuthority('STAFF_MANAGE')")
  public void deactivateStaff(long staffId) {
    roster.deactivateStaff(staffId);
  }

  @Override
  @PreAuthorize("hasAuthority('STAFF_MANAGE')")
  public long formTeam(
      String facilityCode, String name, long leaderId, Map<Long, TeamRole> members) {
    return roster.formTeam(facilityCode, name, leaderId, members);
  }

  @Override
  @PreAuthorize("hasAuthority('STAFF_MANAGE')")
  public void updateTeam(long teamId, String name, boolean active) {
    roster.updateTeam(teamId, name, active);
  }

  private Optional<FacilityType> parentType(String parent) {
    if (parent == null) {
      return Optional.empty();
    }
    return Optional.of(
        jdbc.sql("SELECT type FROM organization.facility WHERE licence_code = ?")
            .param(parent)
            .query(String.class)
            .optional()
            .map(FacilityType::valueOf)
            .orElseThrow(
                () ->
                    new BusinessException(
                        "FACILITY_PARENT_UNKNOWN", "上级机构 " + parent + " 不存在", "parentCode")));
  }

  /** Locks the grid row so that two centres joining at once cannot exceed the cap. */
  private int centresInGrid(long gridId, String exceptCode) {
    if (jdbc.sql("SELECT id FROM organization.grid WHERE id = ? FOR UPDATE")
        .param(gridId)
        .query(Long.class)
        .optional()
        .isEmpty()) {
      throw new BusinessException("GRID_UNKNOWN", "片区不存在", "gridId");
    }
    return (int)
        count(
            "SELECT COUNT(*) FROM organization.facility WHERE grid_id = ? AND licence_code <> ?",
            gridId,
            exceptCode);
  }

  private String knownDivision(String code) {
    String division = new DivisionCode(code).value();
    if (count("SELECT COUNT(*) FROM organization.division WHERE code = ?", division) == 0) {
      throw new BusinessException(
          "DIVISION_UNKNOWN", "行政区划代码 " + division + " 不在区划表中，请核对", "divisionCode");
    }
    return division;
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  private long insert(String sql, Object... params) {
    return Inserts.returningId(jdbc, sql, params);
  }

  static String required(String value, String code, String message, String field) {
    if (value == null || value.isBlank()) {
      throw new BusinessException(code, message, field);
    }
    return value.strip();
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
