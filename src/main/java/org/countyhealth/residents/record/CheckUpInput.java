package org.countyhealth.residents.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.countyhealth.residents.record.rules.Bmi;
import org.countyhealth.residents.record.rules.Measurements;

/** A health check-up as entered: the date and the measurements. */
public record CheckUpInput(
    LocalDate examDate,
    BigDecimal heightCm,
    BigDecimal weightKg,
    BigDecimal waistCm,
    Integer sbpLeft,
    Integer dbpLeft,
    Integer sbpRight,
    Integer dbpRight,
    Integer heartRate,
    BigDecimal temperature) {

  public Measurements measurements() {
    return new Measurements(
        heightCm, weightKg, waistCm, sbpLeft, dbpLeft, sbpRight, dbpRight, heartRate, temperature);
  }

  /** Field → value as shown, for the correction history (BMI included: it follows). */
  Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("examDate", String.valueOf(examDate));
    values.put("heightCm", plain(heightCm));
    values.put("weightKg", plain(weightKg));
    values.put("waistCm", plain(waistCm));
    values.put("sbpLeft", str(sbpLeft));
    values.put("dbpLeft", str(dbpLeft));
    values.put("sbpRight", str(sbpRight));
    values.put("dbpRight", str(dbpRight));
    values.put("heartRate", str(heartRate));
    values.put("temperature", plain(temperature));
    values.put("bmi", plain(Bmi.of(heightCm, weightKg).value()));
    return values;
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.stripTrailingZeros().toPlainString();
  }

  private static String str(Integer value) {
    return value == null ? null : value.toString();
  }
}
