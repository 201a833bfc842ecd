package org.countyhealth.chronic.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import org.countyhealth.chronic.Disease;

/**
 * High-risk residents: hypertension factors of 000_65944b5c5b97f013.txt lines 126–131 (BP every six
 * months and lifestyle advice); diabetes high risk lines 23 and 193–194 (fasting and 2-hour glucose
 * once a year).
 */
public final class HighRisk {

  private HighRisk() {}

  public enum Factor {
    HIGH_NORMAL_BP("血压正常高值"),
    OVERWEIGHT("超重或肥胖"),
    ABDOMINAL_OBESITY("腹型肥胖"),
    FAMILY_HISTORY("高血压家族史"),
    HIGH_SALT("长期膳食高盐"),
    HEAVY_DRINKING("长期过量饮酒"),
    AGE_55("年龄≥55岁");

    private final String label;

    Factor(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** What the doctor measured or asked; any part may be unknown (null / false). */
  public record Profile(
      int age,
      String sex,
      Integer systolic,
      Integer diastolic,
      BigDecimal bmi,
      Integer waistCm,
      boolean familyHistory,
      boolean highSalt,
      Integer spiritsMlPerDay) {}

  public static Set<Factor> hypertensionFactors(Profile p) {
    Set<Factor> f = EnumSet.noneOf(Factor.class);
    boolean highSys = p.systolic() != null && p.systolic() >= 130 && p.systolic() <= 139;
    boolean highDia = p.diastolic() != null && p.diastolic() >= 85 && p.diastolic() <= 89;
    boolean notHypertensive =
        p.systolic() == null
            || (p.systolic() < 140 && (p.diastolic() == null || p.diastolic() < 90));
    if ((highSys || highDia) && notHypertensive) {
      f.add(Factor.HIGH_NORMAL_BP);
    }
    if (p.bmi() != null && p.bmi().compareTo(BigDecimal.valueOf(24)) >= 0) {
      f.add(Factor.OVERWEIGHT);
    }
    if (p.waistCm() != null && p.waistCm() >= ("2".equals(p.sex()) ? 85 : 90)) {
      f.add(Factor.ABDOMINAL_OBESITY);
    }
    if (p.familyHistory()) {
      f.add(Factor.FAMILY_HISTORY);
    }
    if (p.highSalt()) {
      f.add(Factor.HIGH_SALT);
    }
    if (p.spiritsMlPerDay() != null && p.spiritsMlPerDay() >= 100) {
      f.add(Factor.HEAVY_DRINKING);
    }
    if (p.age() >= 55) {
      f.add(Factor.AGE_55);
    }
    return f;
  }

  /** Next re-measurement: six months for hypertension (line 126), a year for diabetes (line 23). */
  public static LocalDate nextMeasurement(Disease disease, LocalDate measured) {
    return disease == Disease.HYPERTENSION ? measured.plusMonths(6) : measured.plusYears(1);
  }
}
