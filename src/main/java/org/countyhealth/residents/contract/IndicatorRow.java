package org.countyhealth.residents.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Contract indicators of one township centre (or of the whole scope): coverage = residents with a
 * contract in force / residents; key-population coverage likewise within key populations; renewal
 * rate = contracts ending in the period that were renewed / contracts ending in the period.
 */
public record IndicatorRow(
    String facilityCode,
    String facilityName,
    long residents,
    long contracted,
    long keyPopulation,
    long keyContracted,
    long ending,
    long renewed) {

  public BigDecimal coverage() {
    return percent(contracted, residents);
  }

  public BigDecimal keyCoverage() {
    return percent(keyContracted, keyPopulation);
  }

  public BigDecimal renewalRate() {
    return percent(renewed, ending);
  }

  /** Percent with one decimal; null when there is no denominator (shown as “—”). */
  static BigDecimal percent(long numerator, long denominator) {
    return denominator == 0
        ? null
        : BigDecimal.valueOf(numerator * 100L)
            .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
  }

  IndicatorRow plus(IndicatorRow other) {
    return new IndicatorRow(
        facilityCode,
        facilityName,
        residents + other.residents,
        contracted + other.contracted,
        keyPopulation + other.keyPopulation,
        keyContracted + other.keyContracted,
        ending + other.ending,
        renewed + other.renewed);
  }
}
