package org.countyhealth.shared;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A resident identity card number (居民身份证号码) per GB 11643-1999: 6-digit division code, 8-digit birth
 * date, 3-digit sequence whose last digit is odd for men and even for women, and an ISO 7064 MOD
 * 11-2 check character (0–9 or X). Invalid numbers cannot be constructed.
 */
public record IdCardNumber(String value) {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  private static final LocalDate EARLIEST = LocalDate.of(1880, 1, 1);

  public IdCardNumber {
    if (value == null) {
      throw new BusinessException("ID_CARD_FORMAT", "身份证号码应为18位", "idCard");
    }
    value = value.strip().toUpperCase();
    if (!value.matches("\\d{17}[\\dX]")) {
      throw new BusinessException("ID_CARD_FORMAT", "身份证号码应为18位（前17位为数字，末位为数字或X）", "idCard");
    }
    if (parseBirthDate(value) == null) {
      throw new BusinessException("ID_CARD_BIRTH_DATE", "身份证号码中的出生日期无效", "idCard");
    }
    if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
      throw new BusinessException("ID_CARD_CHECK_DIGIT", "身份证号码校验位错误，请核对", "idCard");
    }
  }

  /** Parses a number, or throws a {@link BusinessException} naming what is wrong. */
  public static IdCardNumber of(String value) {
    return new IdCardNumber(value);
  }

  public static boolean isValid(String value) {
    try {
      new IdCardNumber(value);
      return true;
    } catch (BusinessException e) {
      return false;
    }
  }

  /** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
  public static char checkCharacter(String first17) {
    if (first17 == null || !first17.matches("\\d{17}")) {
      throw new IllegalArgumentException("17 digits expected");
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (first17.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK[sum % 11];
  }

  public LocalDate birthDate() {
    return parseBirthDate(value);
  }

  /** GB/T 2261.1 sex code: "1" male (odd 17th digit), "2" female (even). */
  public String sex() {
    return (value.charAt(16) - '0') % 2 == 1 ? "1" : "2";
  }

  /** The administrative division code of the place of first registration. */
  public String divisionCode() {
    return value.substring(0, 6);
  }

  /** For pages: the first 6 and last 4 characters only (no identity numbers in full on lists). */
  public String masked() {
    return value.substring(0, 6) + "********" + value.substring(14);
  }

  @Override
  public String toString() {
    return masked();
  }

  private static LocalDate parseBirthDate(String value) {
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(value.substring(6, 10)),
              Integer.parseInt(value.substring(10, 12)),
              Integer.parseInt(value.substring(12, 14)));
      return date.isBefore(EARLIEST) ? null : date;
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }
}
