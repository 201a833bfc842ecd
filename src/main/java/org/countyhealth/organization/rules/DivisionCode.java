package org.countyhealth.organization.rules;

import java.util.regex.Pattern;
import org.countyhealth.shared.BusinessException;

/**
 * 行政区划代码: six digits per GB/T 2260 (province, prefecture, county) or nine digits for a township
 * (统计用区划代码, county code plus three digits). The province part must be one that exists. Whether the
 * code itself exists is checked by the registry against {@code organization.division}.
 */
public record DivisionCode(String value) {

  private static final Pattern DIGITS = Pattern.compile("[0-9]{6}|[0-9]{9}");

  public DivisionCode {
    if (value == null || !DIGITS.matcher(value.strip()).matches()) {
      throw invalid("行政区划代码应为 6 位（GB/T 2260）或 9 位（乡镇）数字");
    }
    value = value.strip();
    if (!realProvince(Integer.parseInt(value.substring(0, 2)))) {
      throw invalid("行政区划代码前两位 " + value.substring(0, 2) + " 不是有效的省级代码");
    }
  }

  /** Province codes of GB/T 2260: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82. */
  static boolean realProvince(int p) {
    return (p >= 11 && p <= 15)
        || (p >= 21 && p <= 23)
        || (p >= 31 && p <= 37)
        || (p >= 41 && p <= 46)
        || (p >= 50 && p <= 54)
        || (p >= 61 && p <= 65)
        || p == 71
        || p == 81
        || p == 82;
  }

  /** 1 province, 2 prefecture, 3 county, 4 township. */
  public int level() {
    if (value.length() == 9) {
      return 4;
    }
    if (value.endsWith("0000")) {
      return 1;
    }
    return value.endsWith("00") ? 2 : 3;
  }

  private static BusinessException invalid(String message) {
    return new BusinessException("DIVISION_INVALID", message, "divisionCode");
  }
}
