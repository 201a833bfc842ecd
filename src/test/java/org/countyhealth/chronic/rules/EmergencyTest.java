package org.countyhealth.chronic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.Symptom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 000_65944b5c5b97f013.txt line 134 (hypertension), lines 197–198 (diabetes). */
class EmergencyTest {

  @ParameterizedTest(name = "{0} {1}/{2} glu {3} hr {4} t {5} sym {6} preg {7} → {8}")
  @CsvSource(
      nullValues = "-",
      value = {
        "HYPERTENSION, 179, 109, -, -, -, -, false, false",
        "HYPERTENSION, 180, 90, -, -, -, -, false, true",
        "HYPERTENSION, 150, 110, -, -, -, -, false, true",
        "HYPERTENSION, 150, 95, -, -, -, CHEST_TIGHTNESS, false, true",
        "HYPERTENSION, 150, 95, -, -, -, ACETONE_BREATH, false, false",
        "HYPERTENSION, 140, 85, -, -, -, -, true, true",
        "HYPERTENSION, 139, 89, -, -, -, -, true, false",
        "HYPERTENSION, 130, 80, -, 120, 39.5, -, false, false", // HR and fever: diabetes lines only
        "DIABETES, 130, 80, 16.7, -, -, -, false, true",
        "DIABETES, 130, 80, 16.6, -, -, -, false, false",
        "DIABETES, 130, 80, 3.9, -, -, -, false, true",
        "DIABETES, 130, 80, 4.0, -, -, -, false, false",
        "DIABETES, 180, 80, 6.0, -, -, -, false, true",
        "DIABETES, 130, 80, 6.0, 101, -, -, false, true",
        "DIABETES, 130, 80, 6.0, 100, -, -, false, false",
        "DIABETES, 130, 80, 6.0, -, 39.1, -, false, true",
        "DIABETES, 130, 80, 6.0, -, 39.0, -, false, false",
        "DIABETES, 130, 80, 6.0, -, -, ACETONE_BREATH, false, true",
        "DIABETES, 130, 80, 6.0, -, -, SUDDEN_VISION_LOSS, false, true",
        "DIABETES, 130, 80, 7.0, -, -, -, true, true",
        "DIABETES, 130, 80, 6.9, -, -, -, true, false",
      })
  void dangerCriteria(
      Disease disease,
      int sys,
      int dia,
      BigDecimal glucose,
      Integer hr,
      BigDecimal temp,
      Symptom symptom,
      boolean pregnant,
      boolean emergency) {
    Set<Symptom> symptoms = symptom == null ? EnumSet.noneOf(Symptom.class) : EnumSet.of(symptom);
    var vitals = new Vitals(sys, dia, glucose, hr, temp);
    assertThat(Emergency.reasons(disease, vitals, symptoms, pregnant).isEmpty())
        .isEqualTo(!emergency);
  }
}
