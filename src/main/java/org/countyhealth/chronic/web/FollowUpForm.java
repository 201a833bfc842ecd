package org.countyhealth.chronic.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.countyhealth.chronic.Adherence;
import org.countyhealth.chronic.Adverse;
import org.countyhealth.chronic.Discomfort;
import org.countyhealth.chronic.FollowUpRequest;
import org.countyhealth.chronic.Symptom;
import org.countyhealth.chronic.VisitMode;
import org.springframework.format.annotation.DateTimeFormat;

/** The follow-up form as typed; unknown enum names bind as errors beside their field. */
public record FollowUpForm(
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitOn,
    VisitMode mode,
    List<Symptom> symptoms,
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
    Boolean newComplication,
    Boolean pregnantOrLactating,
    String medication,
    Boolean education,
    BigDecimal hba1c,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate hba1cOn) {

  static FollowUpForm empty() {
    return new FollowUpForm(
        LocalDate.now(),
        VisitMode.CLINIC,
        List.of(),
        null,
        Discomfort.NONE,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        Adherence.REGULAR,
        Adverse.NONE,
        false,
        false,
        null,
        true,
        null,
        null);
  }

  public boolean has(Symptom s) {
    return symptoms != null && symptoms.contains(s);
  }

  FollowUpRequest toRequest(long enrolmentId) {
    Set<Symptom> set = EnumSet.noneOf(Symptom.class);
    if (symptoms != null) {
      symptoms.stream().filter(java.util.Objects::nonNull).forEach(set::add);
    }
    return new FollowUpRequest(
        enrolmentId,
        visitOn,
        mode,
        set,
        blank(otherSymptoms),
        discomfort,
        systolic,
        diastolic,
        weightKg,
        heightCm,
        heartRate,
        temperature,
        fastingGlucose,
        blank(footPulse),
        cigarettesPerDay,
        spiritsMlPerDay,
        exercisePerWeek,
        exerciseMinutes,
        blank(saltIntake),
        stapleFoodG,
        adherence,
        adverse,
        Boolean.TRUE.equals(newComplication),
        Boolean.TRUE.equals(pregnantOrLactating),
        blank(medication),
        Boolean.TRUE.equals(education),
        hba1c,
        hba1cOn);
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
