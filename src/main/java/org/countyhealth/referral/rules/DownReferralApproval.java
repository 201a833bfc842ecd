package org.countyhealth.referral.rules;

/**
 * Who may approve a down-referral: the department head, and never the doctor who proposed it. The
 * same staff member is recognised by staff id where both are known, else by name.
 */
public final class DownReferralApproval {

  private DownReferralApproval() {}

  // 000_65944b5c5b97f013.txt line 610: 经治医师填写双向转诊下转单……经科主任审批 (two different people).
  public static boolean ownProposal(
      Long proposerStaffId, String proposerName, Long approverStaffId, String approverName) {
    if (proposerStaffId != null && approverStaffId != null) {
      return proposerStaffId.equals(approverStaffId);
    }
    return proposerName != null && proposerName.strip().equals(approverName);
  }
}
