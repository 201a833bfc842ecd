package org.countyhealth.referral.rules;

import java.time.LocalDateTime;
import java.util.Optional;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.rules.StepDeadlines.Step;

/**
 * Whether the step a referral waits on is past its deadline and must be escalated, and to whom.
 * Each step is escalated once: {@code alreadyEscalated} is true when this step (started at this
 * instant) already has an escalation.
 */
public final class Escalation {

  /** Who is told about an overdue step. */
  public enum Notified {
    OFFICE_HEAD("双向转诊办公室主任"),
    RECEIVING_DEPARTMENT("接收科室"),
    RECEIVING_TOWNSHIP("接收的乡镇卫生院");

    private final String label;

    Notified(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** An escalation to record. */
  public record Notice(Step step, LocalDateTime due, Notified notified) {}

  private Escalation() {}

  // 000_65944b5c5b97f013.txt line 531 (指定专人负责, 24小时连续服务), 594–600: an overdue step goes to
  // the person answering for it; whom is our reading, the seed names no escalation path.
  public static Optional<Notice> due(
      StepDeadlines deadlines,
      Direction direction,
      ReferralStatus status,
      boolean greenChannel,
      LocalDateTime stepStarted,
      boolean alreadyEscalated,
      LocalDateTime now) {
    Step step = StepDeadlines.waitingOn(direction, status);
    if (step == null || alreadyEscalated) {
      return Optional.empty();
    }
    LocalDateTime due = stepStarted.plus(deadlines.allowed(step, greenChannel));
    if (!now.isAfter(due)) {
      return Optional.empty();
    }
    return Optional.of(new Notice(step, due, notified(step)));
  }

  /** The office answers for its own steps and for a head who does not approve in time. */
  static Notified notified(Step step) {
    return switch (step) {
      case OFFICE_RECEIVE, OFFICE_DECIDE, HEAD_APPROVAL -> Notified.OFFICE_HEAD;
      case PATIENT_ARRIVAL -> Notified.RECEIVING_DEPARTMENT;
      case TOWNSHIP_RECEIVE, TOWNSHIP_CONFIRM -> Notified.RECEIVING_TOWNSHIP;
    };
  }
}
