package org.countyhealth.referral.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DownReferralApprovalTest {

  // 000_65944b5c5b97f013.txt line 610: the treating doctor writes the down-referral, the department
  // head approves it.
  @ParameterizedTest(name = "proposer {0}/{1}, approver {2}/{3} → own proposal {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        "11, 王医生, 11, 王医生, true",
        "11, 王医生, 12, 李主任, false",
        "11, 王医生, 12, 王医生, false",
        "11, 王医生, 11, 李主任, true",
        "-,  王医生, 12, 王医生, true",
        "-,  王医生, -,  李主任, false",
        "11, 王医生, -,  王医生, true"
      })
  void theProposerCannotApprove(
      Long proposer, String proposerName, Long approver, String approverName, boolean own) {
    assertThat(DownReferralApproval.ownProposal(proposer, proposerName, approver, approverName))
        .isEqualTo(own);
  }
}
