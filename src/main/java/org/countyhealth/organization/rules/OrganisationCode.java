package org.countyhealth.organization.rules;

import java.util.regex.Pattern;
import org.countyhealth.shared.BusinessException;

/**
 * 组织机构代码 per GB 11714: eight digits or capital letters and a check character. The check is C9 = 11
 * − (Σ Ci·Wi mod 11) with weights 3,7,9,10,5,8,4,2, where 10 is written 'X' and 11 is '0'.
 */
public record OrganisationCode(String value) {

  private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
  private static final Pattern BODY = Pattern.compile("[0-9A-Z]{8}");

  public OrganisationCode {
    if (value == null || value.length() != 9) {
      throw invalid("组织机构代码应为 9 位（8 位本体代码加 1 位校验码）");
    }
    value = value.toUpperCase(java.util.Locale.ROOT);
    if (!BODY.matcher(value.substring(0, 8)).matches()) {
      throw invalid("组织机构代码前 8 位只能是数字或大写字母");
    }
    char expected = checkChar(value.substring(0, 8));
    if (value.charAt(8) != expected) {
      throw invalid("组织机构代码校验码错误（第 9 位应为 " + expected + "）");
    }
  }

  /** The GB 11714 check character of an eight-character body. */
  public static char checkChar(String body) {
    if (body == null || !BODY.matcher(body.toUpperCase(java.util.Locale.ROOT)).matches()) {
      throw invalid("组织机构代码本体应为 8 位数字或大写字母");
    }
    String upper = body.toUpperCase(java.util.Locale.ROOT);
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += Character.digit(upper.charAt(i), 36) * WEIGHTS[i];
    }
    int c9 = 11 - sum % 11;
    return c9 == 10 ? 'X' : c9 == 11 ? '0' : (char) ('0' + c9);
  }

  private static BusinessException invalid(String message) {
    return new BusinessException("FACILITY_LICENCE_INVALID", message, "licenceCode");
  }
}
