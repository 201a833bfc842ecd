package org.countyhealth.residents.record.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.countyhealth.residents.record.CheckUpInput;
import org.springframework.format.annotation.DateTimeFormat;

/** A check-up as typed on the page or sent to the API; version and reason serve corrections. */
record CheckUpForm(
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate examDate,
    BigDecimal heightCm,
    BigDecimal weightKg,
    BigDecimal waistCm,
    Integer sbpLeft,
    Integer dbpLeft,
    Integer sbpRight,
    Integer dbpRight,
    Integer heartRate,
    BigDecimal temperature,
    Integer version,
    String reason) {

  CheckUpInput input() {
    return new CheckUpInput(
        examDate,
        heightCm,
        weightKg,
        waistCm,
        sbpLeft,
        dbpLeft,
        sbpRight,
        dbpRight,
        heartRate,
        temperature);
  }

  /** A missing version cannot match any stored check-up, so the correction is refused as stale. */
  int versionOrNone() {
    return version == null ? -1 : version;
  }
}
