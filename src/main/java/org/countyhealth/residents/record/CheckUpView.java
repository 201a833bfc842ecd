package org.countyhealth.residents.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.countyhealth.residents.record.rules.Bmi;

/** A health check-up as the page and the API show it, with its correction history. */
public record CheckUpView(
    long id,
    long residentId,
    String facilityCode,
    String doctorName,
    CheckUpInput values,
    BigDecimal bmi,
    String status,
    String voidReason,
    int version,
    List<Change> changes) {

  public String bmiCategory() {
    return new Bmi(bmi).category().label();
  }

  public boolean voided() {
    return "VOIDED".equals(status);
  }

  public LocalDate examDate() {
    return values.examDate();
  }
}
