package org.countyhealth.fhir.server;

import java.util.List;
import java.util.Set;
import org.countyhealth.chronic.Disease;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Which programme disease a Condition's code names (000_65944b5c5b97f013.txt line 20: hypertension
 * and type 2 diabetes): ICD-10 I10–I15 and E11 (with their subcodes), SNOMED CT 38341003 and
 * 44054006 with the common children listed below. Other codes of these systems are other
 * conditions; a code of any other system is refused.
 */
final class Diagnoses {

  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
  static final String ICD10_CM = "http://hl7.org/fhir/sid/icd-10-cm";
  static final String SNOMED = "http://snomed.info/sct";
  static final List<String> SYSTEMS = List.of(ICD10, ICD10_CM, SNOMED);

  /**
   * Hypertensive disorder 38341003 and children: essential 59621000, benign essential 1201005,
   * malignant essential 78975002, secondary 31992008, benign 10725009, malignant 70272006.
   */
  static final Set<String> SNOMED_HYPERTENSION =
      Set.of("38341003", "59621000", "1201005", "78975002", "31992008", "10725009", "70272006");

  /** Type 2 diabetes 44054006 and children: without complication 313436004, insulin 237599002. */
  static final Set<String> SNOMED_DIABETES = Set.of("44054006", "313436004", "237599002");

  /** What a code names: a programme disease or another condition ({@code disease} null). */
  record Diagnosis(Disease disease, Coding coding, String name) {}

  private Diagnoses() {}

  static Diagnosis of(CodeableConcept code) {
    if (code.getCoding().isEmpty()) {
      if (code.hasText()) {
        return new Diagnosis(null, null, code.getText().strip());
      }
      throw Refusals.unprocessable("Condition.code 须含 ICD-10 或 SNOMED CT 编码", "Condition.code");
    }
    for (Coding c : code.getCoding()) {
      if (SYSTEMS.contains(c.getSystem()) && c.hasCode()) {
        Disease disease = disease(c.getSystem(), c.getCode());
        String name =
            code.hasText() ? code.getText() : c.hasDisplay() ? c.getDisplay() : c.getCode();
        return new Diagnosis(disease, c, name.strip());
      }
    }
    throw Refusals.unprocessable(
        "不支持的编码体系："
            + code.getCodingFirstRep().getSystem()
            + "；Condition.code 须使用 ICD-10（"
            + ICD10
            + "）或 SNOMED CT（"
            + SNOMED
            + "）",
        "Condition.code.coding[0].system");
  }

  static Disease disease(String system, String code) {
    if (SNOMED.equals(system)) {
      return SNOMED_HYPERTENSION.contains(code)
          ? Disease.HYPERTENSION
          : SNOMED_DIABETES.contains(code) ? Disease.DIABETES : null;
    }
    String c = code.strip().toUpperCase();
    if (c.matches("I1[0-5](\\.\\w*)?")) {
      return Disease.HYPERTENSION;
    }
    if (c.matches("E11(\\.\\w*)?")) {
      return Disease.DIABETES;
    }
    return null;
  }

  /** The codings a programme disease is read back with. */
  static List<Coding> codings(Disease disease) {
    return disease == Disease.HYPERTENSION
        ? List.of(
            new Coding(SNOMED, "38341003", "Hypertensive disorder, systemic arterial"),
            new Coding(ICD10, "I10", "Essential (primary) hypertension"))
        : List.of(
            new Coding(SNOMED, "44054006", "Diabetes mellitus type 2"),
            new Coding(ICD10, "E11", "Non-insulin-dependent diabetes mellitus"));
  }
}
