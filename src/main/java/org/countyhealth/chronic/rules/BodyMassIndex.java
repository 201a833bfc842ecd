package org.countyhealth.chronic.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.countyhealth.shared.BusinessException;

/**
 * 体质指数 BMI = kg / m², one decimal (000_65944b5c5b97f013.txt lines 128 and 136: computed at each
 * follow-up); weight and height outside human ranges are typing errors.
 */
public final class BodyMassIndex {

  private BodyMassIndex() {}

  public static BigDecimal of(BigDecimal weightKg, BigDecimal heightCm) {
    if (weightKg == null || heightCm == null || heightCm.signum() <= 0) {
      return null;
    }
    if (weightKg.compareTo(BigDecimal.valueOf(20)) < 0
        || weightKg.compareTo(BigDecimal.valueOf(300)) > 0) {
      throw new BusinessException("CHRONIC_VALUE_OUT_OF_RANGE", "体重应在 20–300 kg 之间", "weightKg");
    }
    if (heightCm.compareTo(BigDecimal.valueOf(100)) < 0
        || heightCm.compareTo(BigDecimal.valueOf(230)) > 0) {
      throw new BusinessException("CHRONIC_VALUE_OUT_OF_RANGE", "身高应在 100–230 cm 之间", "heightCm");
    }
    BigDecimal m = heightCm.movePointLeft(2);
    return weightKg.divide(m.multiply(m), 1, RoundingMode.HALF_UP);
  }
}
