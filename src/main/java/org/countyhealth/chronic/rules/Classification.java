package org.countyhealth.chronic.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.countyhealth.chronic.Adverse;
import org.countyhealth.chronic.Disease;

/**
 * Classified intervention after a follow-up (分类干预): hypertension 000_65944b5c5b97f013.txt lines
 * 140–143, diabetes lines 204–207. Controlled (< 140/90; ≥ 65 years < 150/90; fasting glucose <
 * 7.0) without adverse reaction or new complication → next routine visit; first uncontrolled or an
 * adverse reaction → adjust, re-visit within 2 weeks; second consecutive uncontrolled, a
 * hard-to-control adverse reaction or a new/worse complication → referral suggested, its result
 * followed within 2 weeks.
 */
public final class Classification {

  private static final BigDecimal GLUCOSE_TARGET = new BigDecimal("7.0");

  private Classification() {}

  public enum Result {
    CONTROLLED("控制满意"),
    FIRST_UNCONTROLLED("控制不满意，两周内随访"),
    REFER("建议转诊，两周内随访转诊情况"),
    EMERGENCY("紧急转诊，两周内随访转诊情况");

    private final String label;

    Result(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public boolean twoWeekFollowUp() {
      return this != CONTROLLED;
    }
  }

  /** Whether the measured value meets the target; null when the value was not measured. */
  public static Boolean controlled(Disease disease, int age, Vitals v) {
    if (disease == Disease.DIABETES) {
      return v.fastingGlucose() == null ? null : v.fastingGlucose().compareTo(GLUCOSE_TARGET) < 0;
    }
    if (!v.hasBp()) {
      return null;
    }
    int systolicLimit = age >= 65 ? 150 : 140;
    return v.systolic() < systolicLimit && v.diastolic() < 90;
  }

  /**
   * @param controlled the target is met (an unmeasured value counts as not met)
   * @param previousUncontrolled the previous follow-up of this disease was not controlled
   */
  public static Result classify(
      boolean emergency,
      boolean controlled,
      Adverse adverse,
      boolean newOrWorseComplication,
      boolean previousUncontrolled) {
    if (emergency) {
      return Result.EMERGENCY;
    }
    if (adverse == Adverse.HARD_TO_CONTROL
        || newOrWorseComplication
        || (!controlled && previousUncontrolled)) {
      return Result.REFER;
    }
    if (!controlled || adverse == Adverse.PRESENT) {
      return Result.FIRST_UNCONTROLLED;
    }
    return Result.CONTROLLED;
  }

  /**
   * Next visit: two weeks when anything is wrong (lines 141–142, 205–206); otherwise three months,
   * which lands in the next quarter and keeps four visits a year, one per quarter (line 29).
   */
  public static LocalDate nextVisit(Result result, LocalDate visit) {
    return result.twoWeekFollowUp() ? visit.plusWeeks(2) : visit.plusMonths(3);
  }
}
