package org.countyhealth.chronic.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.Symptom;

/**
 * Danger criteria that call for an urgent referral after first aid, with a follow-up of it within
 * two weeks: hypertension 000_65944b5c5b97f013.txt line 134, diabetes lines 197–198.
 */
public final class Emergency {

  private static final BigDecimal GLUCOSE_HIGH = new BigDecimal("16.7");
  private static final BigDecimal GLUCOSE_LOW = new BigDecimal("3.9");
  private static final BigDecimal FEVER = new BigDecimal("39");
  // "高于正常" for pregnancy: the seed's own thresholds of lines 125 (140/90) and 204 (7.0).
  private static final BigDecimal GLUCOSE_ABOVE_NORMAL = new BigDecimal("7.0");

  private Emergency() {}

  /** The reasons found, in Chinese; empty when there is no danger. */
  public static List<String> reasons(
      Disease disease, Vitals v, Set<Symptom> symptoms, boolean pregnantOrLactating) {
    List<String> r = new ArrayList<>();
    if (v.hasBp() && (v.systolic() >= 180 || v.diastolic() >= 110)) {
      r.add("血压≥180/110 mmHg");
    }
    for (Symptom s : symptoms) {
      if (s.dangerFor(disease)) {
        r.add(s.label());
      }
    }
    boolean bpAbove = v.hasBp() && Screening.elevated(v.systolic(), v.diastolic());
    if (disease == Disease.DIABETES) {
      BigDecimal g = v.fastingGlucose();
      if (g != null && g.compareTo(GLUCOSE_HIGH) >= 0) {
        r.add("血糖≥16.7 mmol/L");
      }
      if (g != null && g.compareTo(GLUCOSE_LOW) <= 0) {
        r.add("血糖≤3.9 mmol/L");
      }
      if (v.heartRate() != null && v.heartRate() > 100) {
        r.add("持续性心动过速（心率>100次/分）");
      }
      if (v.temperature() != null && v.temperature().compareTo(FEVER) > 0) {
        r.add("体温超过39℃");
      }
      if (pregnantOrLactating && g != null && g.compareTo(GLUCOSE_ABOVE_NORMAL) >= 0) {
        r.add("妊娠期或哺乳期血糖高于正常");
      }
    } else if (pregnantOrLactating && bpAbove) {
      r.add("妊娠期或哺乳期血压高于正常");
    }
    return r;
  }
}
