package org.countyhealth.chronic;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

/**
 * A follow-up with the fields of the national form (国家基本公共卫生服务规范 第三版): symptoms, signs, lifestyle,
 * adherence, adverse reactions, complications, medication; for diabetes the fasting glucose and
 * foot pulse, staple food instead of salt, and the 辅助检查 糖化血红蛋白 (HbA1c, %) with its test date
 * (optional, both or neither; rules/Hba1c).
 */
public record FollowUpRequest(
    long enrolmentId,
    LocalDate visitOn,
    VisitMode mode,
    Set<Symptom> symptoms,
    String otherSymptoms,
    Discomfort discomfort,
    Integer systolic,
    Integer diastolic,
    BigDecimal weightKg,
    BigDecimal heightCm,
    Integer heartRate,
    BigDecimal temperature,
    BigDecimal fastingGlucose,
    String footPulse,
    Integer cigarettesPerDay,
    Integer spiritsMlPerDay,
    Integer exercisePerWeek,
    Integer exerciseMinutes,
    String saltIntake,
    Integer stapleFoodG,
    Adherence adherence,
    Adverse adverse,
    boolean newComplication,
    boolean pregnantOrLactating,
    String medication,
    boolean education,
    BigDecimal hba1c,
    LocalDate hba1cOn) {

  public FollowUpRequest {
    symptoms = symptoms == null ? Set.of() : Set.copyOf(symptoms);
    mode = mode == null ? VisitMode.CLINIC : mode;
    discomfort = discomfort == null ? Discomfort.NONE : discomfort;
    adherence = adherence == null ? Adherence.REGULAR : adherence;
    adverse = adverse == null ? Adverse.NONE : adverse;
  }

  /**
   * A visit that brings measurements only (a HIS or a device through the FHIR interface): no
   * symptoms, lifestyle or medication are recorded, and the form's defaults stand for the rest.
   */
  public static FollowUpRequest measured(
      long enrolmentId,
      LocalDate visitOn,
      VisitMode mode,
      Integer systolic,
      Integer diastolic,
      BigDecimal weightKg,
      BigDecimal heightCm,
      Integer heartRate,
      BigDecimal fastingGlucose,
      BigDecimal hba1c,
      LocalDate hba1cOn) {
    return new FollowUpRequest(
        enrolmentId,
        visitOn,
        mode,
        null,
        null,
        null,
        systolic,
        diastolic,
        weightKg,
        heightCm,
        heartRate,
        null,
        fastingGlucose,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        false,
        null,
        false,
        hba1c,
        hba1cOn);
  }
}
