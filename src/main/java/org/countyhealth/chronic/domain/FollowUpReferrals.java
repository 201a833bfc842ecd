package org.countyhealth.chronic.domain;

import java.util.Optional;
import org.countyhealth.chronic.Adverse;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.FollowUpRequest;
import org.countyhealth.chronic.domain.FollowUps.Assessment;
import org.countyhealth.chronic.rules.Classification;
import org.countyhealth.chronic.rules.LevelChange;
import org.countyhealth.referral.Direction;
import org.countyhealth.shared.Actor;
import org.springframework.stereotype.Component;

/**
 * What a recorded follow-up suggests to the referral desk: an emergency a one-step urgent
 * up-referral, a second uncontrolled visit (or a new complication, a hard-to-control adverse
 * reaction) an up-referral, and a grade change of a later visit the move to the level that manages
 * the new grade. Answers the message shown with the saved follow-up, or null.
 */
@Component
class FollowUpReferrals {

  private final ReferralLinks referrals;

  FollowUpReferrals(ReferralLinks referrals) {
    this.referrals = referrals;
  }

  String suggest(Actor actor, FollowUpRequest f, Assessment a, boolean latest) {
    EnrolmentRow e = a.enrolment();
    if (a.result() == Classification.Result.EMERGENCY) {
      String reason = "紧急转诊：" + String.join("、", a.emergency());
      suggest(actor, e, Direction.UP, true, reason, f);
      return "已发起紧急转诊，2周内随访转诊情况";
    }
    if (a.result() == Classification.Result.REFER) {
      suggest(actor, e, Direction.UP, false, reasonOfReferral(f, e), f);
      return "建议转诊上级医院，2周内随访转诊情况";
    }
    if (!latest || e.lastVisitOn() == null) {
      // The first follow-up sets the initial grade; only later changes move the patient.
      return null;
    }
    Optional<LevelChange.Move> move = LevelChange.proposal(e.grade(), a.grade());
    if (move.isEmpty()) {
      return null;
    }
    Direction d = move.get() == LevelChange.Move.UP ? Direction.UP : Direction.DOWN;
    String managedBy = a.grade().managedBy();
    String change = e.grade().label() + "→" + a.grade().label();
    suggest(actor, e, d, false, change + "，建议" + d.label() + "至" + managedBy, f);
    return "色标变更，建议" + d.label() + "至" + managedBy;
  }

  private void suggest(
      Actor actor,
      EnrolmentRow e,
      Direction direction,
      boolean urgent,
      String reason,
      FollowUpRequest f) {
    referrals.suggest(
        actor, e.id(), e.residentId(), e.disease(), direction, urgent, reason, f.visitOn(), urgent);
  }

  private static String reasonOfReferral(FollowUpRequest f, EnrolmentRow e) {
    if (f.newComplication()) {
      return "出现新的并发症或原有并发症加重";
    }
    if (f.adverse() == Adverse.HARD_TO_CONTROL) {
      return "药物不良反应难以控制";
    }
    return "连续两次" + (e.disease() == Disease.DIABETES ? "空腹血糖" : "血压") + "控制不满意";
  }
}
