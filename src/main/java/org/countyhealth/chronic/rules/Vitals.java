package org.countyhealth.chronic.rules;

import java.math.BigDecimal;
import org.countyhealth.shared.BusinessException;

/**
 * Measurements of one visit, validated against physiological ranges (issue 4, bad input): a value
 * outside them is a typing error, refused with a field code. Any value may be absent (phone visit).
 */
public record Vitals(
    Integer systolic,
    Integer diastolic,
    BigDecimal fastingGlucose,
    Integer heartRate,
    BigDecimal temperature) {

  public Vitals {
    range(systolic, 60, 300, "systolic", "收缩压应在 60–300 mmHg 之间");
    range(diastolic, 30, 200, "diastolic", "舒张压应在 30–200 mmHg 之间");
    if ((systolic == null) != (diastolic == null)) {
      throw new BusinessException("CHRONIC_BP_INCOMPLETE", "收缩压与舒张压需同时填写", "diastolic");
    }
    if (systolic != null && systolic <= diastolic) {
      throw new BusinessException("CHRONIC_BP_INVERTED", "收缩压应高于舒张压", "systolic");
    }
    if (fastingGlucose != null
        && (fastingGlucose.compareTo(new BigDecimal("1.0")) < 0
            || fastingGlucose.compareTo(new BigDecimal("50")) > 0)) {
      throw new BusinessException(
          "CHRONIC_VALUE_OUT_OF_RANGE", "空腹血糖应在 1.0–50 mmol/L 之间", "fastingGlucose");
    }
    range(heartRate, 20, 250, "heartRate", "心率应在 20–250 次/分之间");
    if (temperature != null
        && (temperature.compareTo(new BigDecimal("34")) < 0
            || temperature.compareTo(new BigDecimal("43")) > 0)) {
      throw new BusinessException("CHRONIC_VALUE_OUT_OF_RANGE", "体温应在 34–43 ℃ 之间", "temperature");
    }
  }

  public static Vitals bp(int systolic, int diastolic) {
    return new Vitals(systolic, diastolic, null, null, null);
  }

  public boolean hasBp() {
    return systolic != null;
  }

  private static void range(Integer v, int min, int max, String field, String message) {
    if (v != null && (v < min || v > max)) {
      throw new BusinessException("CHRONIC_VALUE_OUT_OF_RANGE", message, field);
    }
  }
}
