package org.countyhealth.residents.record.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.countyhealth.shared.BusinessException;

/**
 * Body-mass index, kg/m², rounded to one decimal as the check-up form records it. Classification
 * for Chinese adults per WS/T 428—2013 (the check-up table of 000_65944b5c5b97f013.txt line 145
 * records height and weight; the standard gives the cut-offs).
 */
public record Bmi(BigDecimal value) {

  public Bmi {
    if (value == null || value.signum() <= 0) {
      throw new IllegalArgumentException("BMI must be positive");
    }
  }

  public static Bmi of(BigDecimal heightCm, BigDecimal weightKg) {
    if (heightCm == null || weightKg == null || heightCm.signum() <= 0 || weightKg.signum() <= 0) {
      throw new BusinessException("BMI_INPUT_INVALID", "身高和体重必须为正数", "heightCm");
    }
    BigDecimal metres = heightCm.movePointLeft(2);
    return new Bmi(weightKg.divide(metres.multiply(metres), 1, RoundingMode.HALF_UP));
  }

  /** WS/T 428: &lt;18.5 underweight, 18.5–23.9 normal, 24.0–27.9 overweight, ≥28.0 obese. */
  public Category category() {
    if (value.compareTo(new BigDecimal("18.5")) < 0) {
      return Category.UNDERWEIGHT;
    }
    if (value.compareTo(new BigDecimal("24.0")) < 0) {
      return Category.NORMAL;
    }
    if (value.compareTo(new BigDecimal("28.0")) < 0) {
      return Category.OVERWEIGHT;
    }
    return Category.OBESE;
  }

  /** WS/T 428 weight classes with their Chinese names. */
  public enum Category {
    UNDERWEIGHT("体重过低"),
    NORMAL("体重正常"),
    OVERWEIGHT("超重"),
    OBESE("肥胖");

    private final String label;

    Category(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }
}
