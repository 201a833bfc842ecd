package org.countyhealth.shared;

/**
 * Privileges, declared on services ({@code @PreAuthorize("hasAuthority('FACILITY_MANAGE')")});
 * roles are sets of them (security module). Least privilege: 000_65944b5c5b97f013.txt line 1897.
 */
public enum Privilege {
  FACILITY_VIEW("查看机构"),
  FACILITY_MANAGE("维护机构"),
  STAFF_VIEW("查看人员"),
  STAFF_MANAGE("维护人员与团队"),
  ACCOUNT_MANAGE("管理账号"),
  AUDIT_VIEW("查询审计日志"),
  AUDIT_VERIFY("校验审计链"),
  INDICATOR_VIEW("查看指标"),
  RESIDENT_VIEW("查看居民档案"),
  RESIDENT_EDIT("维护居民档案"),
  CHRONIC_VIEW("查看慢病管理"),
  CHRONIC_EDIT("慢病随访与管理"),
  REFERRAL_CREATE("发起转诊"),
  REFERRAL_PROCESS("处理转诊"),
  REFERRAL_TREAT("接诊转入患者并提出下转"),
  REFERRAL_APPROVE("审批下转"),
  DIAGNOSIS_READ("诊断判读"),
  QUALITY_CONTROL("质量控制");

  private final String label;

  Privilege(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
