package org.countyhealth.referral.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The deadline of each step of a referral. The office works around the clock, so deadlines run in
 * clock time, nights and holidays included; green-channel referrals count in minutes, others in
 * hours. The seed fixes the 24-hour service, not the figures: these are configurable defaults.
 */
public final class StepDeadlines {

  /** A step that waits on someone. */
  public enum Step {
    OFFICE_RECEIVE("转诊办接收"),
    OFFICE_DECIDE("接受/预约"),
    PATIENT_ARRIVAL("患者到达"),
    HEAD_APPROVAL("科主任审批"),
    TOWNSHIP_RECEIVE("分院接收"),
    TOWNSHIP_CONFIRM("分院确认患者回归");

    private final String label;

    Step(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final Map<Step, Duration> normal;
  private final Map<Step, Duration> green;

  public StepDeadlines(Map<Step, Duration> normal, Map<Step, Duration> green) {
    for (Step step : Step.values()) {
      requirePositive(normal.get(step), step);
      requirePositive(green.get(step), step);
    }
    this.normal = new EnumMap<>(normal);
    this.green = new EnumMap<>(green);
  }

  private static void requirePositive(Duration d, Step step) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("deadline of " + step + " must be positive");
    }
  }

  // 000_65944b5c5b97f013.txt lines 531, 594–600: 总医院双向转诊办公室专人24小时衔接，开通绿色通道。
  public static StepDeadlines defaults() {
    Map<Step, Duration> normal = new EnumMap<>(Step.class);
    normal.put(Step.OFFICE_RECEIVE, Duration.ofHours(2));
    normal.put(Step.OFFICE_DECIDE, Duration.ofHours(24));
    normal.put(Step.PATIENT_ARRIVAL, Duration.ofHours(72));
    normal.put(Step.HEAD_APPROVAL, Duration.ofHours(24));
    normal.put(Step.TOWNSHIP_RECEIVE, Duration.ofHours(24));
    normal.put(Step.TOWNSHIP_CONFIRM, Duration.ofHours(72));
    Map<Step, Duration> green = new EnumMap<>(Step.class);
    green.put(Step.OFFICE_RECEIVE, Duration.ofMinutes(10));
    green.put(Step.OFFICE_DECIDE, Duration.ofMinutes(30));
    green.put(Step.PATIENT_ARRIVAL, Duration.ofMinutes(120));
    green.put(Step.HEAD_APPROVAL, Duration.ofMinutes(60));
    green.put(Step.TOWNSHIP_RECEIVE, Duration.ofMinutes(60));
    green.put(Step.TOWNSHIP_CONFIRM, Duration.ofMinutes(240));
    return new StepDeadlines(normal, green);
  }

  public Duration allowed(Step step, boolean greenChannel) {
    return (greenChannel ? green : normal).get(step);
  }

  public Instant due(Step step, boolean greenChannel, Instant stepStarted) {
    return stepStarted.plus(allowed(step, greenChannel));
  }

  public boolean overdue(Step step, boolean greenChannel, Instant stepStarted, Instant now) {
    return now.isAfter(due(step, greenChannel, stepStarted));
  }

  /** The step a referral waits on in a status, or null when nobody is waited on. */
  public static Step waitingOn(
      org.countyhealth.referral.Direction direction, ReferralStatus status) {
    boolean up = direction == org.countyhealth.referral.Direction.UP;
    return switch (status) {
      case SUBMITTED -> up ? Step.OFFICE_RECEIVE : Step.HEAD_APPROVAL;
      case APPROVED -> Step.TOWNSHIP_RECEIVE;
      case RECEIVED -> up ? Step.OFFICE_DECIDE : Step.TOWNSHIP_CONFIRM;
      case ACCEPTED -> Step.PATIENT_ARRIVAL;
      default -> null;
    };
  }
}
