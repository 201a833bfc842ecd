package org.countyhealth.referral.rules;

/** Where a referral stands. */
public enum ReferralStatus {
  DRAFTED("草稿", false),
  SUBMITTED("已提交", false),
  APPROVED("科主任已审批", false),
  RECEIVED("已接收", false),
  ACCEPTED("已接受（已预约）", false),
  ARRIVED("患者已到达", false),
  TREATED("已诊治", false),
  DOWN_REFERRED("已下转", true),
  CLOSED("已结案", true),
  DECLINED("已拒绝", true),
  CANCELLED("已取消", true);

  private final String label;
  private final boolean terminal;

  ReferralStatus(String label, boolean terminal) {
    this.label = label;
    this.terminal = terminal;
  }

  public String label() {
    return label;
  }

  public boolean terminal() {
    return terminal;
  }

  public boolean open() {
    return !terminal;
  }
}
