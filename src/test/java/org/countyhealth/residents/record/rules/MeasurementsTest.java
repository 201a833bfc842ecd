package org.countyhealth.residents.record.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasurementsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "normal adult, 165, 60, 80, 120, 80, 118, 78, 72, 36.5, -, -",
        "no optional values, 165, 60, -, 120, 80, -, -, -, -, -, -",
        "height too low, 49, 60, -, 120, 80, -, -, -, -, heightCm, MEASUREMENT_OUT_OF_RANGE",
        "height too high, 251, 60, -, 120, 80, -, -, -, -, heightCm, MEASUREMENT_OUT_OF_RANGE",
        "height at bounds, 50, 3, -, 120, 80, -, -, -, -, -, -",
        "systolic equal diastolic, 165, 60, -, 90, 90, -, -, -, -, dbpLeft, BP_SYSTOLIC_NOT_ABOVE_DIASTOLIC",
        "systolic below diastolic, 165, 60, -, 80, 120, -, -, -, -, dbpLeft, BP_SYSTOLIC_NOT_ABOVE_DIASTOLIC",
        "right arm inverted, 165, 60, -, 120, 80, 70, 90, -, -, dbpRight, BP_SYSTOLIC_NOT_ABOVE_DIASTOLIC",
        "right arm half given, 165, 60, -, 120, 80, 120, -, -, -, dbpRight, BP_PAIR_INCOMPLETE",
        "weight missing, 165, -, -, 120, 80, -, -, -, -, weightKg, MEASUREMENT_REQUIRED",
        "heart rate absurd, 165, 60, -, 120, 80, -, -, 400, -, heartRate, MEASUREMENT_OUT_OF_RANGE",
        "fever too high, 165, 60, -, 120, 80, -, -, 80, 45.0, temperature, MEASUREMENT_OUT_OF_RANGE",
        "waist absurd, 165, 60, 250, 120, 80, -, -, -, -, waistCm, MEASUREMENT_OUT_OF_RANGE"
      })
  void refusesWhatIsNotPhysiological(
      String name,
      BigDecimal height,
      BigDecimal weight,
      BigDecimal waist,
      Integer sbpL,
      Integer dbpL,
      Integer sbpR,
      Integer dbpR,
      Integer hr,
      BigDecimal temp,
      String field,
      String code) {
    List<Measurements.Violation> violations =
        new Measurements(height, weight, waist, sbpL, dbpL, sbpR, dbpR, hr, temp).violations();
    if (field == null) {
      assertThat(violations).isEmpty();
    } else {
      assertThat(violations)
          .extracting(Measurements.Violation::field, Measurements.Violation::code)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(field, code));
      assertThat(violations.get(0).message()).isNotBlank();
    }
  }
}
