package org.countyhealth.residents.rules;

import java.time.LocalDate;

/**
 * How two birth dates agree: the typical clerical errors are a swapped day and month and one digit.
 */
public enum BirthDateAgreement {
  EXACT,
  /** 1956-03-05 recorded as 1956-05-03. */
  DAY_MONTH_SWAPPED,
  /** One digit of YYYYMMDD differs: 1956-03-15 as 1956-03-16 or 1965-03-15 … */
  ONE_DIGIT,
  DIFFERENT;

  public static BirthDateAgreement compare(LocalDate a, LocalDate b) {
    if (a.equals(b)) {
      return EXACT;
    }
    if (a.getYear() == b.getYear()
        && a.getMonthValue() == b.getDayOfMonth()
        && a.getDayOfMonth() == b.getMonthValue()) {
      return DAY_MONTH_SWAPPED;
    }
    String x = digits(a);
    String y = digits(b);
    int differing = 0;
    for (int i = 0; i < x.length(); i++) {
      if (x.charAt(i) != y.charAt(i)) {
        differing++;
      }
    }
    return differing == 1 ? ONE_DIGIT : DIFFERENT;
  }

  private static String digits(LocalDate d) {
    return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }
}
