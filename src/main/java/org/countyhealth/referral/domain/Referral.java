package org.countyhealth.referral.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.rules.ReferralFlow;
import org.countyhealth.referral.rules.ReferralFlow.Action;
import org.countyhealth.referral.rules.ReferralStatus;
import org.countyhealth.referral.rules.ResultFollowUp;
import org.countyhealth.shared.BusinessException;

/**
 * The referral aggregate: the form (lines 641–665) and its state. Every change goes through a
 * guarded transition of {@link ReferralFlow} and leaves a history entry (who, when, why).
 */
public final class Referral {

  /** One line of the history. */
  public record Entry(
      Action action,
      ReferralStatus from,
      ReferralStatus to,
      String actor,
      String reason,
      LocalDateTime at) {}

  /** Outcome on the stub (存根, line 645): 痊愈 好转 死亡. */
  public enum Outcome {
    CURED("痊愈"),
    IMPROVED("好转"),
    DIED("死亡");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Where the receiving hospital treated the patient (flow chart lines 602–610). */
  public enum CareMode {
    OUTPATIENT("专科门诊"),
    INPATIENT("专科住院");

    private final String label;

    CareMode(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  Long id;
  String number;
  int version;
  final ReferralForm form;
  ReferralStatus status;
  boolean greenChannel;
  boolean outOfCounty;
  LocalDateTime stepStartedAt;
  LocalDateTime submittedAt;
  LocalDateTime receivedAt;
  LocalDateTime acceptedAt;
  LocalDateTime arrivedAt;
  LocalDateTime treatedAt;
  LocalDateTime closedAt;
  LocalDate resultDueOn;
  String headOpinion;
  String headName;
  CareMode careMode;
  Outcome outcome;
  String declineReason;
  String cancelReason;
  Long bookingResourceId;
  final List<Entry> pending = new ArrayList<>();

  Referral(ReferralForm form) {
    this.form = form;
  }

  static Referral draft(
      ReferralForm form, boolean greenChannel, boolean outOfCounty, String by, LocalDateTime now) {
    Referral r = new Referral(form);
    r.status = ReferralStatus.DRAFTED;
    r.greenChannel = greenChannel;
    r.outOfCounty = outOfCounty;
    r.stepStartedAt = now;
    r.pending.add(new Entry(null, null, ReferralStatus.DRAFTED, by, null, now));
    return r;
  }

  private void move(Action action, String by, String reason, LocalDateTime now) {
    if (ReferralFlow.NEED_REASON.contains(action) && (reason == null || reason.isBlank())) {
      throw new BusinessException("REFERRAL_REASON_REQUIRED", "请填写原因", "reason");
    }
    if (reason != null && reason.length() > 200) {
      throw new BusinessException("REFERRAL_REASON_TOO_LONG", "原因请在200字以内", "reason");
    }
    ReferralStatus to = ReferralFlow.next(form.direction(), status, action);
    pending.add(new Entry(action, status, to, by, reason == null ? null : reason.strip(), now));
    status = to;
    stepStartedAt = now;
  }

  public void submit(String by, LocalDateTime now) {
    move(Action.SUBMIT, by, null, now);
    submittedAt = now;
    if (form.direction() == Direction.UP) {
      // 000_65944b5c5b97f013.txt lines 125, 134: the sender follows the result within 2 weeks.
      resultDueOn = ResultFollowUp.due(now.toLocalDate());
    }
  }

  /** The referral office (up) or the township (down) takes the referral in. */
  public void receive(String by, LocalDateTime now) {
    move(Action.RECEIVE, by, null, now);
    receivedAt = now;
  }

  /** Accepted with a booking from the resource pool (clinic slot, bed or exam). */
  public void accept(String officer, long resourceId, LocalDateTime now) {
    move(Action.ACCEPT, officer, null, now);
    acceptedAt = now;
    bookingResourceId = resourceId;
  }

  public void decline(String by, String reason, LocalDateTime now) {
    move(Action.DECLINE, by, reason, now);
    declineReason = reason.strip();
    closedAt = now;
  }

  public void arrive(String by, LocalDateTime now) {
    move(Action.ARRIVE, by, null, now);
    arrivedAt = now;
  }

  public void treat(String by, CareMode mode, LocalDateTime now) {
    if (mode == null) {
      throw new BusinessException("REFERRAL_CARE_MODE_REQUIRED", "请选择门诊或住院", "careMode");
    }
    move(Action.TREAT, by, mode.label(), now);
    careMode = mode;
    treatedAt = now;
  }

  public void close(String by, Outcome result, LocalDateTime now) {
    if (result == null) {
      throw new BusinessException("REFERRAL_OUTCOME_REQUIRED", "请选择病情转归（痊愈、好转或死亡）", "outcome");
    }
    move(Action.CLOSE, by, result.label(), now);
    outcome = result;
    closedAt = now;
  }

  /** The up-referral ends because the patient goes back down (a new down-referral follows). */
  void referDown(String by, String downNumber, LocalDateTime now) {
    move(Action.REFER_DOWN, by, "下转单 " + downNumber, now);
    outcome = Outcome.IMPROVED;
    closedAt = now;
  }

  /** 经科主任审批 (line 613): the department head's opinion and name. */
  public void approve(String head, String opinion, LocalDateTime now) {
    if (opinion == null || opinion.isBlank() || opinion.length() > 500) {
      throw new BusinessException("REFERRAL_HEAD_OPINION_REQUIRED", "请填写科室主任意见（500字以内）", "opinion");
    }
    move(Action.APPROVE, head, opinion, now);
    headOpinion = opinion.strip();
    headName = head;
  }

  public void confirmBack(String by, LocalDateTime now) {
    move(Action.CONFIRM_BACK, by, null, now);
    closedAt = now;
  }

  public void cancel(String by, String reason, LocalDateTime now) {
    move(Action.CANCEL, by, reason, now);
    cancelReason = reason.strip();
    closedAt = now;
  }

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public ReferralStatus status() {
    return status;
  }

  public ReferralForm form() {
    return form;
  }

  public boolean greenChannel() {
    return greenChannel;
  }

  public boolean outOfCounty() {
    return outOfCounty;
  }

  public String headOpinion() {
    return headOpinion;
  }

  public String headName() {
    return headName;
  }

  public CareMode careMode() {
    return careMode;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String declineReason() {
    return declineReason;
  }

  public String cancelReason() {
    return cancelReason;
  }

  public LocalDateTime submittedAt() {
    return submittedAt;
  }

  public LocalDateTime acceptedAt() {
    return acceptedAt;
  }

  public LocalDateTime closedAt() {
    return closedAt;
  }

  public LocalDate resultDueOn() {
    return resultDueOn;
  }

  public List<Entry> pending() {
    return List.copyOf(pending);
  }
}
