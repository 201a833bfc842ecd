package org.countyhealth.chronic.rules;

import java.time.LocalDate;

/**
 * A managed patient has a fairly complete health check once a year, which may go with a follow-up
 * (000_65944b5c5b97f013.txt lines 144–145): a check-up is owed when there is none in the last 12
 * months.
 */
public final class YearlyCheckUp {

  private YearlyCheckUp() {}

  /** Whether a check-up is owed today, given the date of the latest one (null: never). */
  public static boolean owed(LocalDate latest, LocalDate today) {
    return latest == null || latest.isBefore(today.minusMonths(12));
  }

  /** The day by which the next check-up is due (today when it is already owed). */
  public static LocalDate dueBy(LocalDate latest, LocalDate today) {
    return owed(latest, today) ? today : latest.plusMonths(12);
  }
}
