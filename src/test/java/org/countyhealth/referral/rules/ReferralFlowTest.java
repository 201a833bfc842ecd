package org.countyhealth.referral.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.countyhealth.referral.Direction;
import org.countyhealth.referral.rules.ReferralFlow.Action;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 000_65944b5c5b97f013.txt lines 592–640 (flow chart)
class ReferralFlowTest {

  @ParameterizedTest(name = "{0} {1} --{2}--> {3}")
  @CsvSource({
    "UP,   DRAFTED,   SUBMIT,       SUBMITTED",
    "UP,   SUBMITTED, RECEIVE,      RECEIVED",
    "UP,   RECEIVED,  ACCEPT,       ACCEPTED",
    "UP,   RECEIVED,  DECLINE,      DECLINED",
    "UP,   ACCEPTED,  ARRIVE,       ARRIVED",
    "UP,   ARRIVED,   TREAT,        TREATED",
    "UP,   TREATED,   CLOSE,        CLOSED",
    "UP,   TREATED,   REFER_DOWN,   DOWN_REFERRED",
    "UP,   SUBMITTED, CANCEL,       CANCELLED",
    "UP,   ACCEPTED,  CANCEL,       CANCELLED",
    "DOWN, DRAFTED,   SUBMIT,       SUBMITTED",
    "DOWN, SUBMITTED, APPROVE,      APPROVED",
    "DOWN, SUBMITTED, DECLINE,      DECLINED",
    "DOWN, APPROVED,  RECEIVE,      RECEIVED",
    "DOWN, RECEIVED,  CONFIRM_BACK, CLOSED",
    "UP,   SUBMITTED, ACCEPT,       REFUSED",
    "UP,   DRAFTED,   RECEIVE,      REFUSED",
    "UP,   ARRIVED,   CANCEL,       REFUSED",
    "UP,   CLOSED,    CLOSE,        REFUSED",
    "UP,   DECLINED,  ACCEPT,       REFUSED",
    "UP,   CANCELLED, SUBMIT,       REFUSED",
    "UP,   RECEIVED,  APPROVE,      REFUSED",
    "DOWN, SUBMITTED, RECEIVE,      REFUSED",
    "DOWN, SUBMITTED, ACCEPT,       REFUSED",
    "DOWN, RECEIVED,  CANCEL,       REFUSED",
    "DOWN, CLOSED,    CONFIRM_BACK, REFUSED"
  })
  void transitions(Direction d, ReferralStatus from, Action action, String expected) {
    if (expected.equals("REFUSED")) {
      assertThat(ReferralFlow.allows(d, from, action)).isFalse();
      assertThatThrownBy(() -> ReferralFlow.next(d, from, action))
          .isInstanceOfSatisfying(
              BusinessException.class,
              e -> assertThat(e.code()).isEqualTo("REFERRAL_TRANSITION_NOT_ALLOWED"));
    } else {
      assertThat(ReferralFlow.next(d, from, action)).isEqualTo(ReferralStatus.valueOf(expected));
    }
  }
}
