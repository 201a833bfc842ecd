package org.countyhealth.residents.record.rules;

import org.countyhealth.shared.BusinessException;

/**
 * 档案编号 of the 国家基本公共卫生服务规范（第三版）(000_65944b5c5b97f013.txt line 27): 17 digits, the 12-digit
 * administrative division of the residence (GB/T 2260 plus township and village codes) followed by
 * a 5-digit serial within that division.
 */
public final class RecordNumber {

  private RecordNumber() {}

  /** The 12-digit prefix: shorter division codes are padded with zeros (unknown village). */
  public static String prefix(String divisionCode) {
    String digits = divisionCode == null ? "" : divisionCode.trim();
    if (!digits.matches("\\d{0,12}")) {
      throw new BusinessException("DIVISION_CODE_INVALID", "居住地行政区划代码格式不正确");
    }
    return (digits + "000000000000").substring(0, 12);
  }

  public static String of(String divisionCode, int serial) {
    if (serial < 1 || serial > 99_999) {
      throw new BusinessException("RECORD_NUMBER_EXHAUSTED", "该行政区划下的档案编号已用完");
    }
    return prefix(divisionCode) + String.format("%05d", serial);
  }
}
