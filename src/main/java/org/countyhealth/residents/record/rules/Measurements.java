package org.countyhealth.residents.record.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The measurements of a health check-up (健康体检表, 000_65944b5c5b97f013.txt line 145: 体温、脉搏、
 * 血压、身高、体重、腰围) with the physiological ranges the form accepts. Outside them a value is a typing
 * error, not a finding: the form refuses it and says why beside the field.
 */
public record Measurements(
    BigDecimal heightCm,
    BigDecimal weightKg,
    BigDecimal waistCm,
    Integer sbpLeft,
    Integer dbpLeft,
    Integer sbpRight,
    Integer dbpRight,
    Integer heartRate,
    BigDecimal temperature) {

  /** One refused value: the form field, a stable code and the Chinese message. */
  public record Violation(String field, String code, String message) {}

  /** Every refused value at once, so that the form can mark all of them. */
  public List<Violation> violations() {
    List<Violation> found = new ArrayList<>();
    required(found, "heightCm", heightCm, "身高");
    required(found, "weightKg", weightKg, "体重");
    required(found, "sbpLeft", sbpLeft, "左侧收缩压");
    required(found, "dbpLeft", dbpLeft, "左侧舒张压");
    range(found, "heightCm", heightCm, "50", "250", "身高应在 50～250 厘米之间");
    range(found, "weightKg", weightKg, "2", "300", "体重应在 2～300 千克之间");
    range(found, "waistCm", waistCm, "30", "200", "腰围应在 30～200 厘米之间");
    range(found, "sbpLeft", sbpLeft, 50, 300, "收缩压应在 50～300 mmHg 之间");
    range(found, "dbpLeft", dbpLeft, 30, 200, "舒张压应在 30～200 mmHg 之间");
    range(found, "sbpRight", sbpRight, 50, 300, "收缩压应在 50～300 mmHg 之间");
    range(found, "dbpRight", dbpRight, 30, 200, "舒张压应在 30～200 mmHg 之间");
    range(found, "heartRate", heartRate, 20, 250, "心率应在 20～250 次/分之间");
    range(found, "temperature", temperature, "34", "43", "体温应在 34～43 ℃ 之间");
    pulsePressure(found, "dbpLeft", sbpLeft, dbpLeft);
    pulsePressure(found, "dbpRight", sbpRight, dbpRight);
    if ((sbpRight == null) != (dbpRight == null)) {
      found.add(
          new Violation(
              sbpRight == null ? "sbpRight" : "dbpRight",
              "BP_PAIR_INCOMPLETE",
              "右侧血压需同时填写收缩压和舒张压"));
    }
    return found;
  }

  private static void pulsePressure(List<Violation> found, String field, Integer sbp, Integer dbp) {
    if (sbp != null && dbp != null && sbp <= dbp) {
      found.add(new Violation(field, "BP_SYSTOLIC_NOT_ABOVE_DIASTOLIC", "收缩压必须高于舒张压"));
    }
  }

  private static void required(List<Violation> found, String field, Object value, String name) {
    if (value == null) {
      found.add(new Violation(field, "MEASUREMENT_REQUIRED", "请填写" + name));
    }
  }

  private static void range(
      List<Violation> found, String field, BigDecimal value, String min, String max, String msg) {
    if (value != null
        && (value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0)) {
      found.add(new Violation(field, "MEASUREMENT_OUT_OF_RANGE", msg));
    }
  }

  private static void range(
      List<Violation> found, String field, Integer value, int min, int max, String msg) {
    if (value != null && (value < min || value > max)) {
      found.add(new Violation(field, "MEASUREMENT_OUT_OF_RANGE", msg));
    }
  }
}
