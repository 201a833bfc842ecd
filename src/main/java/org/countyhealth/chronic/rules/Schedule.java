package org.countyhealth.chronic.rules;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Yearly duties under management: at least four face-to-face follow-ups a year and one in every
 * quarter (000_65944b5c5b97f013.txt line 29); health education at least twice a year (line 23). A
 * patient enrolled during the year owes the quarters from the enrolment quarter on.
 */
public final class Schedule {

  private Schedule() {}

  public static int quarter(LocalDate d) {
    return (d.getMonthValue() - 1) / 3 + 1;
  }

  /** 规范管理: a face-to-face visit in every quarter owed; four if managed all year. */
  public static boolean standard(Collection<LocalDate> faceToFace, int year, LocalDate enrolled) {
    int firstQuarter = enrolled.getYear() < year ? 1 : quarter(enrolled);
    if (enrolled.getYear() > year) {
      return false;
    }
    long inYear = faceToFace.stream().filter(d -> d.getYear() == year).count();
    for (int q = firstQuarter; q <= 4; q++) {
      final int qq = q;
      if (faceToFace.stream().noneMatch(d -> d.getYear() == year && quarter(d) == qq)) {
        return false;
      }
    }
    return firstQuarter > 1 || inYear >= 4;
  }

  /** Whether a visit falls in the quarter of {@code today}. */
  public static boolean visitedThisQuarter(Collection<LocalDate> visits, LocalDate today) {
    return visits.stream()
        .anyMatch(d -> d.getYear() == today.getYear() && quarter(d) == quarter(today));
  }

  /** Health education still owed this year (two sessions, line 23). */
  public static int educationOwed(Collection<LocalDate> sessions, int year) {
    long done = sessions.stream().filter(d -> d.getYear() == year).count();
    return (int) Math.max(0, 2 - done);
  }

  /** Lost to follow-up: no visit in the last 12 months. */
  public static boolean lost(LocalDate lastVisit, LocalDate enrolled, LocalDate today) {
    LocalDate since = lastVisit != null ? lastVisit : enrolled;
    return since.isBefore(today.minusMonths(12));
  }
}
