package org.countyhealth.referral.rules;

import static org.countyhealth.referral.rules.ReferralStatus.*;

import java.util.Map;
import java.util.Set;
import org.countyhealth.referral.Direction;
import org.countyhealth.shared.BusinessException;

/**
 * The referral state machine. Up (flow chart, lines 592–640): drafted → submitted → received by the
 * 24-hour referral office → accepted with a booking, or declined → arrived → treated (outpatient or
 * inpatient) → closed, or down-referred. Down: drafted → submitted → approved by the department
 * head → received by the township → closed when it confirms the patient is back.
 */
public final class ReferralFlow {

  /** What a person does to a referral. */
  public enum Action {
    SUBMIT("提交"),
    APPROVE("科主任审批同意"),
    RECEIVE("接收"),
    ACCEPT("接受并预约"),
    DECLINE("拒绝"),
    ARRIVE("登记到达"),
    TREAT("登记诊治"),
    CLOSE("结案"),
    REFER_DOWN("下转"),
    CONFIRM_BACK("确认患者已回本机构管理"),
    CANCEL("取消");

    private final String label;

    Action(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  // 000_65944b5c5b97f013.txt lines 594–618: 上转流程（转诊办24小时衔接、预约、门诊/住院、下转）。
  static final Map<ReferralStatus, Map<Action, ReferralStatus>> UP =
      Map.of(
          DRAFTED, Map.of(Action.SUBMIT, SUBMITTED, Action.CANCEL, CANCELLED),
          SUBMITTED, Map.of(Action.RECEIVE, RECEIVED, Action.CANCEL, CANCELLED),
          RECEIVED,
              Map.of(Action.ACCEPT, ACCEPTED, Action.DECLINE, DECLINED, Action.CANCEL, CANCELLED),
          ACCEPTED, Map.of(Action.ARRIVE, ARRIVED, Action.CANCEL, CANCELLED),
          ARRIVED, Map.of(Action.TREAT, TREATED),
          TREATED, Map.of(Action.CLOSE, CLOSED, Action.REFER_DOWN, DOWN_REFERRED));

  // 000_65944b5c5b97f013.txt lines 612–618: 经治医师填写下转单，经科主任审批，下转至各分院。
  static final Map<ReferralStatus, Map<Action, ReferralStatus>> DOWN =
      Map.of(
          DRAFTED, Map.of(Action.SUBMIT, SUBMITTED, Action.CANCEL, CANCELLED),
          SUBMITTED,
              Map.of(Action.APPROVE, APPROVED, Action.DECLINE, DECLINED, Action.CANCEL, CANCELLED),
          APPROVED, Map.of(Action.RECEIVE, RECEIVED, Action.CANCEL, CANCELLED),
          RECEIVED, Map.of(Action.CONFIRM_BACK, CLOSED));

  /** Actions that need a reason in the history. */
  public static final Set<Action> NEED_REASON = Set.of(Action.DECLINE, Action.CANCEL);

  private ReferralFlow() {}

  public static ReferralStatus next(Direction direction, ReferralStatus from, Action action) {
    ReferralStatus to =
        (direction == Direction.UP ? UP : DOWN).getOrDefault(from, Map.of()).get(action);
    if (to == null) {
      throw new BusinessException(
          "REFERRAL_TRANSITION_NOT_ALLOWED",
          "转诊单当前状态为“" + from.label() + "”，不能执行“" + action.label() + "”");
    }
    return to;
  }

  public static boolean allows(Direction direction, ReferralStatus from, Action action) {
    return (direction == Direction.UP ? UP : DOWN).getOrDefault(from, Map.of()).containsKey(action);
  }
}
