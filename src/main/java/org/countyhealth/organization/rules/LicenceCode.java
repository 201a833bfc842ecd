package org.countyhealth.organization.rules;

import java.util.Locale;
import java.util.regex.Pattern;
import org.countyhealth.shared.BusinessException;

/**
 * 医疗机构执业许可证登记号, 22 characters: 组织机构代码 (9, GB 11714), 行政区划代码 (6, GB/T 2260), 经济类型代码 (2), 医疗卫生机构类别代码
 * (4: a letter and three digits), 管理类别 (1: 1 非营利性, 2 营利性, 9 其他).
 */
public record LicenceCode(String value) {

  public static final int LENGTH = 22;
  private static final Pattern ECONOMIC = Pattern.compile("[0-9]{2}");
  private static final Pattern CATEGORY = Pattern.compile("[A-Z][0-9]{3}");

  public LicenceCode {
    if (value == null || value.strip().isEmpty()) {
      throw invalid("请填写医疗机构执业许可证登记号");
    }
    value = value.strip().toUpperCase(Locale.ROOT);
    if (value.length() != LENGTH) {
      throw invalid("登记号应为 22 位，当前为 " + value.length() + " 位");
    }
    new OrganisationCode(value.substring(0, 9));
    try {
      new DivisionCode(value.substring(9, 15));
    } catch (BusinessException e) {
      throw invalid("登记号第 10–15 位：" + e.getMessage());
    }
    if (!ECONOMIC.matcher(value.substring(15, 17)).matches()) {
      throw invalid("登记号第 16–17 位（经济类型代码）应为 2 位数字");
    }
    if (!CATEGORY.matcher(value.substring(17, 21)).matches()) {
      throw invalid("登记号第 18–21 位（机构类别代码）应为 1 个字母加 3 位数字");
    }
    char management = value.charAt(21);
    if (management != '1' && management != '2' && management != '9') {
      throw invalid("登记号第 22 位（管理类别）应为 1（非营利性）、2（营利性）或 9（其他）");
    }
  }

  /** Builds a valid code from its parts, computing the organisation-code check character. */
  public static LicenceCode compose(
      String orgCodeBody8,
      String divisionCode6,
      String economicType2,
      String category4,
      String management1) {
    String body = orgCodeBody8 == null ? "" : orgCodeBody8.toUpperCase(Locale.ROOT);
    return new LicenceCode(
        body
            + OrganisationCode.checkChar(body)
            + divisionCode6
            + economicType2
            + category4
            + management1);
  }

  public String organisationCode() {
    return value.substring(0, 9);
  }

  public String divisionCode() {
    return value.substring(9, 15);
  }

  public String economicType() {
    return value.substring(15, 17);
  }

  public String category() {
    return value.substring(17, 21);
  }

  public char managementClass() {
    return value.charAt(21);
  }

  private static BusinessException invalid(String message) {
    return new BusinessException("FACILITY_LICENCE_INVALID", message, "licenceCode");
  }
}
