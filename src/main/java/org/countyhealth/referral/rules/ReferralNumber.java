package org.countyhealth.referral.rules;

import java.util.regex.Pattern;

/** The referral form's number (编号, line 643): consortium prefix, year, sequence in the year. */
public record ReferralNumber(String prefix, int year, long sequence) {

  private static final Pattern PREFIX = Pattern.compile("[A-Z]{2,6}");

  public ReferralNumber {
    if (prefix == null || !PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("prefix must be 2–6 capital letters");
    }
    if (year < 2000 || year > 9999 || sequence < 1 || sequence > 999_999) {
      throw new IllegalArgumentException("year or sequence out of range");
    }
  }

  // 000_65944b5c5b97f013.txt line 643: 转诊单（存根） 编号.
  public String text() {
    return "%s-%d-%06d".formatted(prefix, year, sequence);
  }
}
