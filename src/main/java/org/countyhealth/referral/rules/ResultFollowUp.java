package org.countyhealth.referral.rules;

import java.time.LocalDate;

/** The sending township follows up the result of an up-referral within two weeks. */
public final class ResultFollowUp {

  static final int DAYS = 14;

  private ResultFollowUp() {}

  // 000_65944b5c5b97f013.txt lines 125, 134: 2周内随访转诊结果／主动随访转诊情况。
  public static LocalDate due(LocalDate submitted) {
    return submitted.plusDays(DAYS);
  }

  public static boolean overdue(LocalDate submitted, LocalDate recorded, LocalDate today) {
    return recorded == null ? today.isAfter(due(submitted)) : recorded.isAfter(due(submitted));
  }

  public static boolean onTime(LocalDate submitted, LocalDate recorded) {
    return recorded != null && !recorded.isAfter(due(submitted));
  }
}
