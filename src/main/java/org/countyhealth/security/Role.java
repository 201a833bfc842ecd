package org.countyhealth.security;

import static org.countyhealth.shared.Privilege.*;

import java.util.EnumSet;
import java.util.Set;
import org.countyhealth.shared.Privilege;

/** Roles as named sets of privileges (least privilege: 000_65944b5c5b97f013.txt line 1891). */
public enum Role {
  SYSTEM_ADMIN(
      "系统管理员",
      EnumSet.of(FACILITY_VIEW, FACILITY_MANAGE, STAFF_VIEW, STAFF_MANAGE, ACCOUNT_MANAGE)),
  CONSORTIUM_MANAGER(
      "医共体管理人员",
      EnumSet.of(FACILITY_VIEW, FACILITY_MANAGE, STAFF_VIEW, STAFF_MANAGE, INDICATOR_VIEW)),
  CHRONIC_CENTRE(
      "慢病管理中心",
      EnumSet.of(
          FACILITY_VIEW, STAFF_VIEW, RESIDENT_VIEW, CHRONIC_VIEW, CHRONIC_EDIT, INDICATOR_VIEW)),
  REFERRAL_OFFICE(
      "双向转诊办公室", EnumSet.of(FACILITY_VIEW, STAFF_VIEW, RESIDENT_VIEW, REFERRAL_PROCESS)),
  // The county side of a referral (000_65944b5c5b97f013.txt lines 602–610): the receiving
  // specialist treats the patient and writes the down-referral; the department head approves it.
  COUNTY_SPECIALIST("接诊专科医生", EnumSet.of(FACILITY_VIEW, STAFF_VIEW, RESIDENT_VIEW, REFERRAL_TREAT)),
  DEPARTMENT_HEAD(
      "科主任",
      EnumSet.of(FACILITY_VIEW, STAFF_VIEW, RESIDENT_VIEW, REFERRAL_TREAT, REFERRAL_APPROVE)),
  DIAGNOSTICIAN("诊断中心医师", EnumSet.of(FACILITY_VIEW, RESIDENT_VIEW, DIAGNOSIS_READ)),
  FAMILY_DOCTOR(
      "家庭医生",
      EnumSet.of(
          FACILITY_VIEW,
          STAFF_VIEW,
          RESIDENT_VIEW,
          RESIDENT_EDIT,
          CHRONIC_VIEW,
          CHRONIC_EDIT,
          REFERRAL_CREATE)),
  VILLAGE_DOCTOR(
      "乡村医生",
      EnumSet.of(
          FACILITY_VIEW,
          STAFF_VIEW,
          RESIDENT_VIEW,
          RESIDENT_EDIT,
          CHRONIC_VIEW,
          CHRONIC_EDIT,
          REFERRAL_CREATE)),
  QUALITY_OFFICE(
      "质控办公室",
      EnumSet.of(FACILITY_VIEW, STAFF_VIEW, CHRONIC_VIEW, QUALITY_CONTROL, INDICATOR_VIEW)),
  SUPERVISOR("卫健局监管（只读）", EnumSet.of(FACILITY_VIEW, STAFF_VIEW, INDICATOR_VIEW)),
  AUDITOR("审计员", EnumSet.of(AUDIT_VIEW, AUDIT_VERIFY));

  private final String label;
  private final Set<Privilege> privileges;

  Role(String label, Set<Privilege> privileges) {
    this.label = label;
    this.privileges = Set.copyOf(privileges);
  }

  public String label() {
    return label;
  }

  public Set<Privilege> privileges() {
    return privileges;
  }
}
