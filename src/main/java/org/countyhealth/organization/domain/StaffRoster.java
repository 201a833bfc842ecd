package org.countyhealth.organization.domain;

import static org.countyhealth.organization.domain.RegistryService.blankToNull;
import static org.countyhealth.organization.domain.RegistryService.required;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.OrganizationRegistry.NewStaff;
import org.countyhealth.organization.OrganizationRegistry.StaffChange;
import org.countyhealth.organization.Profession;
import org.countyhealth.organization.TeamRole;
import org.countyhealth.organization.rules.TeamComposition;
import org.countyhealth.organization.rules.TeamComposition.Candidate;
import org.countyhealth.organization.rules.TeamComposition.Member;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Staff and family-doctor teams; called by {@link RegistryService}, which holds the transaction and
 * the privilege checks.
 */
@Component
class StaffRoster {

  private final JdbcClient jdbc;
  private final AuditTrail auditTrail;

  StaffRoster(JdbcClient jdbc, AuditTrail auditTrail) {
    this.jdbc = jdbc;
    this.auditTrail = auditTrail;
  }

  long addStaff(NewStaff s) {
    knownFacility(s.facilityCode());
    String name = required(s.name(), "STAFF_NAME_REQUIRED", "请填写姓名", "name");
    String sex = sexCode(s.sex());
    if (s.profession() == null) {
      throw new BusinessException("STAFF_PROFESSION_REQUIRED", "请选择执业类别", "profession");
    }
    if (s.title() == null) {
      throw new BusinessException("STAFF_TITLE_REQUIRED", "请选择职称", "title");
    }
    checkDepartment(s.departmentId(), s.facilityCode());
    String licence = blankToNull(s.licenceNumber());
    if (licence != null
        && count("SELECT COUNT(*) FROM organization.staff WHERE licence_number = ?", licence) > 0) {
      throw new BusinessException(
          "STAFF_LICENCE_DUPLICATE", "执业证书编码 " + licence + " 已登记给其他人员", "licenceNumber");
    }
    long id;
    try {
      id = insertStaff(s, name, sex, licence);
    } catch (DuplicateKeyException e) {
      throw new BusinessException(
          "STAFF_LICENCE_DUPLICATE", "执业证书编码 " + licence + " 已登记给其他人员", "licenceNumber");
    }
    auditTrail.describe("STAFF_CREATE", "Staff", String.valueOf(id));
    return id;
  }

  private long insertStaff(NewStaff s, String name, String sex, String licence) {
    return Inserts.returningId(
        jdbc,
        "INSERT INTO organization.staff (facility_code, department_id, name, sex, profession,"
            + " title, licence_number, phone, active, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?)",
        s.facilityCode(),
        s.departmentId(),
        name,
        sex,
        s.profession().name(),
        s.title().name(),
        licence,
        blankToNull(s.phone()),
        LocalDateTime.now());
  }

  void updateStaff(long staffId, StaffChange change) {
    String facility = staffFacility(staffId);
    if (change.title() == null) {
      throw new BusinessException("STAFF_TITLE_REQUIRED", "请选择职称", "title");
    }
    checkDepartment(change.departmentId(), facility);
    jdbc.sql(
            "UPDATE organization.staff SET department_id = ?, title = ?, phone = ?, active = ?"
                + " WHERE id = ?")
        .params(
            change.departmentId(),
            change.title().name(),
            blankToNull(change.phone()),
            change.active(),
            staffId)
        .update();
    auditTrail.describe("STAFF_UPDATE", "Staff", String.valueOf(staffId));
  }

  void deactivateStaff(long staffId) {
    staffFacility(staffId);
    jdbc.sql("UPDATE organization.staff SET active = FALSE WHERE id = ?").param(staffId).update();
    auditTrail.describe("STAFF_DEACTIVATE", "Staff", String.valueOf(staffId));
  }

  long formTeam(String facilityCode, String name, long leaderId, Map<Long, TeamRole> members) {
    FacilityType type = knownFacility(facilityCode);
    String n = required(name, "TEAM_NAME_REQUIRED", "请填写团队名称", "name");
    Candidate leader = candidate(leaderId, "leaderId");
    List<Member> list = new ArrayList<>();
    members.forEach((id, role) -> list.add(new Member(candidate(id, "members"), role)));
    TeamComposition.check(facilityCode, type, leader, list);
    long id =
        Inserts.returningId(
            jdbc,
            "INSERT INTO organization.family_doctor_team (facility_code, name, leader_id, active,"
                + " created_at) VALUES (?, ?, ?, TRUE, ?)",
            facilityCode,
            n,
            leaderId,
            LocalDateTime.now());
    insertMember(id, leaderId, TeamRole.LEADER);
    members.forEach((staffId, role) -> insertMember(id, staffId, role));
    auditTrail.describe("TEAM_CREATE", "FamilyDoctorTeam", String.valueOf(id));
    return id;
  }

  void updateTeam(long teamId, String name, boolean active) {
    String n = required(name, "TEAM_NAME_REQUIRED", "请填写团队名称", "name");
    int updated =
        jdbc.sql("UPDATE organization.family_doctor_team SET name = ?, active = ? WHERE id = ?")
            .params(n, active, teamId)
            .update();
    if (updated == 0) {
      throw new NotFound("TEAM_NOT_FOUND", "未找到该团队");
    }
    auditTrail.describe("TEAM_UPDATE", "FamilyDoctorTeam", String.valueOf(teamId));
  }

  /** The facility's type; refuses an unknown facility. */
  FacilityType knownFacility(String code) {
    return jdbc.sql("SELECT type FROM organization.facility WHERE licence_code = ?")
        .param(code == null ? "" : code.strip())
        .query(String.class)
        .optional()
        .map(FacilityType::valueOf)
        .orElseThrow(() -> new BusinessException("FACILITY_UNKNOWN", "机构不存在", "facilityCode"));
  }

  private void insertMember(long teamId, long staffId, TeamRole role) {
    jdbc.sql("INSERT INTO organization.team_member (team_id, staff_id, role) VALUES (?, ?, ?)")
        .params(teamId, staffId, role.name())
        .update();
  }

  private Candidate candidate(long staffId, String field) {
    return jdbc.sql(
            "SELECT s.id, s.name, s.profession, s.active, s.facility_code, f.type, f.parent_code"
                + " FROM organization.staff s"
                + " JOIN organization.facility f ON f.licence_code = s.facility_code"
                + " WHERE s.id = ?")
        .param(staffId)
        .query(
            (rs, i) ->
                new Candidate(
                    rs.getLong(1),
                    rs.getString(2),
                    Profession.valueOf(rs.getString(3)),
                    rs.getBoolean(4),
                    rs.getString(5),
                    FacilityType.valueOf(rs.getString(6)),
                    rs.getString(7)))
        .optional()
        .orElseThrow(
            () -> new BusinessException("STAFF_UNKNOWN", "人员（编号 " + staffId + "）不存在", field));
  }

  private String staffFacility(long staffId) {
    return jdbc.sql("SELECT facility_code FROM organization.staff WHERE id = ?")
        .param(staffId)
        .query(String.class)
        .optional()
        .orElseThrow(() -> new NotFound("STAFF_NOT_FOUND", "未找到该人员"));
  }

  private void checkDepartment(Long departmentId, String facilityCode) {
    if (departmentId != null
        && count(
                "SELECT COUNT(*) FROM organization.department WHERE id = ? AND facility_code = ?",
                departmentId,
                facilityCode)
            == 0) {
      throw new BusinessException("DEPARTMENT_UNKNOWN", "所选科室不属于该机构", "departmentId");
    }
  }

  /** GB/T 2261.1 sex codes; M and F are accepted from other systems. */
  private static String sexCode(String sex) {
    String s = sex == null ? "" : sex.strip().toUpperCase(java.util.Locale.ROOT);
    return switch (s) {
      case "1", "M" -> "1";
      case "2", "F" -> "2";
      case "0", "9" -> s;
      default -> throw new BusinessException("STAFF_SEX_INVALID", "请选择性别", "sex");
    };
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }
}
