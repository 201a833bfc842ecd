package org.countyhealth.fhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.math.BigDecimal;
import org.countyhealth.chronic.Disease;
import org.countyhealth.fhir.server.Measurement.Kind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeasurementsTest {

  /**
   * UCUM units converted to the follow-up form's units (glucose: 1 mmol/L = 18.016 mg/dL; HbA1c
   * IFCC mmol/mol to NGSP %: 0.09148 × mmol/mol + 2.152, one decimal).
   */
  @ParameterizedTest
  @CsvSource({
    "1558-6, 126, mg/dL, GLUCOSE, 7.0",
    "2339-0, 7.2, mmol/L, GLUCOSE, 7.2",
    "2345-7, 180.16, mg/dL, GLUCOSE, 10.0",
    "29463-7, 70, kg, WEIGHT, 70.0",
    "29463-7, 70500, g, WEIGHT, 70.5",
    "29463-7, 154, [lb_av], WEIGHT, 69.9",
    "8302-2, 1.72, m, HEIGHT, 172.0",
    "8302-2, 68, [in_i], HEIGHT, 172.7",
    "39156-5, 24.2, kg/m2, BMI, 24.2",
    "8867-4, 72, /min, HEART_RATE, 72",
    "4548-4, 6.8, %, HBA1C, 6.8",
    "4548-4, 6.85, %, HBA1C, 6.9",
    "4548-4, 53, mmol/mol, HBA1C, 7.0",
    "4548-4, 48, mmol/mol, HBA1C, 6.5",
    "4548-4, 64, mmol/mol, HBA1C, 8.0",
    "4548-4, 20, mmol/mol, HBA1C, 4.0",
    "4548-4, 108, mmol/mol, HBA1C, 12.0",
  })
  void convertsToTheFormsUnits(String code, String value, String unit, Kind kind, String expected) {
    Measurement m = Measurements.read(observation(code, value, unit));
    assertThat(m.kind()).isEqualTo(kind);
    assertThat(m.value()).isEqualByComparingTo(new BigDecimal(expected));
  }

  /** An HbA1c's test date may precede the visit: a refusal of its date points at effective. */
  @Test
  void hba1cLocatesItsValueAndItsDate() {
    Measurement m = Measurements.read(observation("4548-4", "7.1", "%"));
    assertThat(m.locations())
        .containsEntry("hba1c", "Observation.valueQuantity")
        .containsEntry("hba1cOn", "Observation.effective");
  }

  /** Refusals name the element: wrong unit, unknown system, unsupported code, missing component. */
  @ParameterizedTest
  @CsvSource({
    "http://loinc.org, 1558-6, 7, kPa, Observation.valueQuantity",
    "http://loinc.org, 29463-7, 70, mm[Hg], Observation.valueQuantity",
    "http://loinc.org, 8480-6, 120, mm[Hg], Observation.code.coding[0].code",
    "http://loinc.org, 4548-4, 7, g/dL, Observation.valueQuantity",
    "http://loinc.org, 4548-4, 7, mmol/L, Observation.valueQuantity",
    "http://loinc.org, 4548-4, 0.07, 1, Observation.valueQuantity",
    "http://loinc.org, 12345-6, 7, %, Observation.code.coding[0].code",
    "http://example.org/local, 1558-6, 7, mmol/L, Observation.code.coding[0].system",
  })
  void refusesWithLocation(String system, String code, String value, String unit, String where) {
    Observation o = observation(code, value, unit);
    o.getCode().getCodingFirstRep().setSystem(system);
    assertThatThrownBy(() -> Measurements.read(o))
        .isInstanceOfSatisfying(
            UnprocessableEntityException.class,
            e ->
                assertThat(
                        ((OperationOutcome) e.getOperationOutcome())
                            .getIssueFirstRep()
                            .getExpression()
                            .get(0)
                            .getValue())
                    .isEqualTo(where));
  }

  @Test
  void bloodPressurePanelReadsItsComponentsAndLocatesThem() {
    Observation o = new Observation();
    o.setCode(new CodeableConcept(new Coding(Measurements.LOINC, "85354-9", null)));
    o.addComponent()
        .setCode(new CodeableConcept(new Coding(Measurements.LOINC, "8462-4", null)))
        .setValue(mmHg(88));
    o.addComponent()
        .setCode(new CodeableConcept(new Coding(Measurements.LOINC, "8480-6", null)))
        .setValue(mmHg(142));
    Measurement m = Measurements.read(o);
    assertThat(m.systolic()).isEqualTo(142);
    assertThat(m.diastolic()).isEqualTo(88);
    assertThat(m.locations())
        .containsEntry("systolic", "Observation.component[1].valueQuantity")
        .containsEntry("diastolic", "Observation.component[0].valueQuantity");
  }

  /** ICD-10 I10–I15 and E11 with subcodes, SNOMED CT parents and children (issue 6). */
  @ParameterizedTest
  @CsvSource({
    "http://hl7.org/fhir/sid/icd-10, I10, HYPERTENSION",
    "http://hl7.org/fhir/sid/icd-10, I11.9, HYPERTENSION",
    "http://hl7.org/fhir/sid/icd-10, I15.0, HYPERTENSION",
    "http://hl7.org/fhir/sid/icd-10, I16, ",
    "http://hl7.org/fhir/sid/icd-10, E11, DIABETES",
    "http://hl7.org/fhir/sid/icd-10, E11.65, DIABETES",
    "http://hl7.org/fhir/sid/icd-10, E10, ",
    "http://snomed.info/sct, 38341003, HYPERTENSION",
    "http://snomed.info/sct, 59621000, HYPERTENSION",
    "http://snomed.info/sct, 44054006, DIABETES",
    "http://snomed.info/sct, 195967001, ",
  })
  void programmeDiseases(String system, String code, Disease expected) {
    assertThat(Diagnoses.disease(system, code)).isEqualTo(expected);
  }

  private static Observation observation(String code, String value, String unit) {
    Observation o = new Observation();
    o.setCode(new CodeableConcept(new Coding(Measurements.LOINC, code, null)));
    o.setValue(
        new Quantity()
            .setValue(new BigDecimal(value))
            .setSystem(Measurements.UCUM)
            .setCode(unit)
            .setUnit(unit));
    return o;
  }

  private static Quantity mmHg(int v) {
    return new Quantity()
        .setValue(BigDecimal.valueOf(v))
        .setSystem(Measurements.UCUM)
        .setCode("mm[Hg]");
  }
}
