package org.countyhealth.chronic.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.countyhealth.chronic.Disease;
import org.countyhealth.shared.BusinessException;

/**
 * 糖化血红蛋白 (HbA1c, %) and its 检查日期, the 辅助检查 of the national 糖尿病患者随访服务记录表 (国家基本公共卫生服务规范 第三版,
 * 2型糖尿病患者健康管理服务规范, 附件). Optional; both or neither.
 *
 * <p>It is recorded only: classification, grade and control rate use the fasting glucose alone
 * (000_65944b5c5b97f013.txt lines 204–206 and 238–239), so HbA1c changes none of them.
 *
 * <p>Limits chosen here (the seeds give none): 3.0–20.0 % (outside it is a typing error or a
 * laboratory interference; analysers report about 4–18 %), one decimal as on the form (more is
 * rounded half up); the test date not after today nor after the visit, and at most 6 months before
 * the visit — HbA1c reflects the last 2–3 months and the guideline asks for it at least every 6
 * months, so an older result does not describe the patient at this visit.
 */
public record Hba1c(BigDecimal percent, LocalDate testedOn) {

  public static final BigDecimal MIN = new BigDecimal("3.0");
  public static final BigDecimal MAX = new BigDecimal("20.0");
  public static final int MONTHS_BEFORE_VISIT = 6;

  public Hba1c {
    percent = range(percent);
  }

  /**
   * The checked value of a form; null when neither value nor date is given. Refusals name the field
   * ({@code hba1c}, {@code hba1cOn}).
   */
  public static Hba1c of(
      Disease disease, BigDecimal percent, LocalDate testedOn, LocalDate visitOn, LocalDate today) {
    if (percent == null && testedOn == null) {
      return null;
    }
    if (disease != Disease.DIABETES) {
      throw new BusinessException("CHRONIC_HBA1C_DIABETES_ONLY", "糖化血红蛋白只记录在2型糖尿病患者随访中", "hba1c");
    }
    if (percent == null) {
      throw new BusinessException("CHRONIC_HBA1C_REQUIRED", "已填写检查日期，请填写糖化血红蛋白", "hba1c");
    }
    if (testedOn == null) {
      throw new BusinessException("CHRONIC_HBA1C_DATE_REQUIRED", "请填写糖化血红蛋白的检查日期", "hba1cOn");
    }
    Hba1c value = new Hba1c(percent, testedOn);
    if (testedOn.isAfter(today)) {
      throw new BusinessException("CHRONIC_DATE_IN_FUTURE", "检查日期不能晚于今天", "hba1cOn");
    }
    if (visitOn != null && testedOn.isAfter(visitOn)) {
      throw new BusinessException("CHRONIC_HBA1C_AFTER_VISIT", "检查日期不能晚于随访日期", "hba1cOn");
    }
    if (visitOn != null && testedOn.isBefore(visitOn.minusMonths(MONTHS_BEFORE_VISIT))) {
      throw new BusinessException(
          "CHRONIC_HBA1C_TOO_OLD", "检查日期早于随访日期 6 个月以上，结果已不能反映本次随访时的血糖", "hba1cOn");
    }
    return value;
  }

  /** The value at the form's precision, refused outside 3.0–20.0 %. */
  public static BigDecimal range(BigDecimal percent) {
    if (percent == null) {
      return null;
    }
    BigDecimal rounded = percent.setScale(1, RoundingMode.HALF_UP);
    if (rounded.compareTo(MIN) < 0 || rounded.compareTo(MAX) > 0) {
      throw new BusinessException("CHRONIC_VALUE_OUT_OF_RANGE", "糖化血红蛋白应在 3.0–20.0 % 之间", "hba1c");
    }
    return rounded;
  }
}
