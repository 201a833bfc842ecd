package org.countyhealth.fhir.server;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One Observation's value in the units the chronic rules use (mm[Hg], mmol/L, kg, cm, kg/m2, /min,
 * %). {@code locations} maps the rules' field names (systolic, fastingGlucose …) to the FHIRPath of
 * the element that carried the value, so that a refusal points at it. {@code testedOn} is the
 * Observation's own date where it may differ from the visit's (HbA1c: the laboratory test date).
 * {@code entry} is the transaction entry it came from ({@code null} outside a transaction), so that
 * a refusal at the request's completion points at that entry too.
 */
record Measurement(
    Kind kind,
    String code,
    Integer systolic,
    Integer diastolic,
    BigDecimal value,
    Map<String, String> locations,
    LocalDate testedOn,
    Integer entry) {

  Measurement {
    locations = Map.copyOf(locations);
  }

  Measurement testedOn(LocalDate day) {
    return new Measurement(kind, code, systolic, diastolic, value, locations, day, entry);
  }

  /** The same value, collected from transaction entry {@code index} (or none: {@code null}). */
  Measurement from(Integer index) {
    return new Measurement(kind, code, systolic, diastolic, value, locations, testedOn, index);
  }

  /** The measurement kinds the platform holds, with the suffix of their Observation ids. */
  enum Kind {
    BLOOD_PRESSURE("bp", "85354-9", "血压", true),
    GLUCOSE("glucose", "1558-6", "血糖", false),
    WEIGHT("weight", "29463-7", "体重", true),
    HEIGHT("height", "8302-2", "身高", true),
    BMI("bmi", "39156-5", "体质指数", true),
    HEART_RATE("hr", "8867-4", "心率", true),
    HBA1C("hba1c", "4548-4", "糖化血红蛋白", false);

    private final String suffix;
    private final String code;
    private final String label;
    private final boolean vitalSign;

    Kind(String suffix, String code, String label, boolean vitalSign) {
      this.suffix = suffix;
      this.code = code;
      this.label = label;
      this.vitalSign = vitalSign;
    }

    String suffix() {
      return suffix;
    }

    /** The LOINC code it is read back with (glucose: the code it arrived as, if known). */
    String code() {
      return code;
    }

    String label() {
      return label;
    }

    boolean vitalSign() {
      return vitalSign;
    }

    static Kind ofSuffix(String suffix) {
      for (Kind k : values()) {
        if (k.suffix.equals(suffix)) {
          return k;
        }
      }
      return null;
    }
  }
}
