package org.countyhealth.residents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The health record (居民健康档案) for trusted callers: the demo generator and imports. Pages and the API
 * go through the module's own services, which check data scope and audit each access. A refused
 * input throws {@link org.countyhealth.shared.BusinessException} and changes nothing.
 */
public interface HealthRecords {

  /** Establishes the record (cover) of a resident; refused when one is active already. */
  long establish(long residentId, String facilityCode, String doctorName, LocalDate on);

  /** Records a health check-up; BMI is computed. */
  long recordCheckUp(NewCheckUp checkUp);

  /**
   * The latest valid (not voided) check-up of a resident. The caller has checked the resident is in
   * its data scope and audits its own page.
   */
  Optional<CheckUpSummary> latestCheckUp(long residentId);

  /** The date of the latest valid check-up of each resident that has one (at most 5,000 ids). */
  Map<Long, LocalDate> latestCheckUpDates(Collection<Long> residentIds);

  /** A check-up as another module shows it (the yearly health check of a chronic patient). */
  record CheckUpSummary(
      long id,
      LocalDate examDate,
      String facilityCode,
      String doctorName,
      int systolic,
      int diastolic,
      BigDecimal bmi,
      BigDecimal waistCm) {}

  /**
   * A check-up as measured. {@code facilityCode} null means the resident's township centre (or
   * owning facility); right-arm pressures, waist, heart rate and temperature are optional.
   */
  record NewCheckUp(
      long residentId,
      LocalDate examDate,
      String facilityCode,
      String doctorName,
      BigDecimal heightCm,
      BigDecimal weightKg,
      BigDecimal waistCm,
      int sbpLeft,
      int dbpLeft,
      Integer sbpRight,
      Integer dbpRight,
      Integer heartRate,
      BigDecimal temperature,
      String recordedBy) {}
}
