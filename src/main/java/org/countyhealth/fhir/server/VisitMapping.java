package org.countyhealth.fhir.server;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.FollowUpSummary;
import org.countyhealth.fhir.server.Measurement.Kind;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/** Visit → Encounter and Observations (docs/fhir.md, "Encounter" and "Observation"). */
final class VisitMapping {

  static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

  /** LOINC display names of the codes read back. */
  static final Map<String, String> DISPLAY =
      Map.ofEntries(
          Map.entry("85354-9", "Blood pressure panel with all children optional"),
          Map.entry("8480-6", "Systolic blood pressure"),
          Map.entry("8462-4", "Diastolic blood pressure"),
          Map.entry("1558-6", "Fasting glucose [Mass/volume] in Serum or Plasma"),
          Map.entry("2339-0", "Glucose [Mass/volume] in Blood"),
          Map.entry("2345-7", "Glucose [Mass/volume] in Serum or Plasma"),
          Map.entry("14771-0", "Fasting glucose [Moles/volume] in Serum or Plasma"),
          Map.entry("15074-8", "Glucose [Moles/volume] in Blood"),
          Map.entry("14749-6", "Glucose [Moles/volume] in Serum or Plasma"),
          Map.entry("29463-7", "Body weight"),
          Map.entry("8302-2", "Body height"),
          Map.entry("39156-5", "Body mass index (BMI) [Ratio]"),
          Map.entry("8867-4", "Heart rate"),
          Map.entry("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood"));

  private VisitMapping() {}

  static Encounter encounter(Visit v) {
    Encounter e = new Encounter();
    e.setId(v.id());
    e.setStatus(Encounter.EncounterStatus.FINISHED);
    e.setClass_(new Coding(ACT_CODE, v.classCode(), classDisplay(v.classCode())));
    e.setSubject(new Reference("Patient/" + v.residentId()));
    DateTimeType day = new DateTimeType(v.date().toString());
    e.setPeriod(new Period().setStartElement(day).setEndElement(day.copy()));
    if (v.facilityCode() != null) {
      e.setServiceProvider(new Reference("Organization/" + v.facilityCode()));
    }
    for (FollowUpSummary f : v.followUps()) {
      e.addType().setText(f.disease() == Disease.HYPERTENSION ? "高血压患者随访" : "2型糖尿病患者随访");
    }
    if (v.screening() != null) {
      e.addType().setText("血压筛查");
    }
    return e;
  }

  static String classDisplay(String code) {
    return switch (code) {
      case "HH" -> "home health";
      case "VR" -> "virtual";
      default -> "ambulatory";
    };
  }

  /** The measurements of a visit, one Observation each, in the order of {@link Kind}. */
  static List<Observation> observations(Visit v) {
    List<Observation> list = new ArrayList<>();
    Integer systolic = v.systolic();
    if (systolic != null) {
      Observation o = base(v, Kind.BLOOD_PRESSURE, Kind.BLOOD_PRESSURE.code());
      o.addComponent()
          .setCode(loinc("8480-6"))
          .setValue(quantity(BigDecimal.valueOf(systolic), "mm[Hg]", "mmHg"));
      o.addComponent()
          .setCode(loinc("8462-4"))
          .setValue(quantity(BigDecimal.valueOf(v.diastolic()), "mm[Hg]", "mmHg"));
      list.add(o);
    }
    v.first(FollowUpSummary::fastingGlucose)
        .ifPresent(
            mmol -> {
              String code = v.glucoseCode() == null ? "14771-0" : v.glucoseCode();
              Observation o = base(v, Kind.GLUCOSE, code);
              o.setValue(
                  Measurements.MASS_GLUCOSE_CODES.contains(code)
                      ? quantity(
                          mmol.multiply(Measurements.MG_DL_PER_MMOL_L)
                              .setScale(0, RoundingMode.HALF_UP),
                          "mg/dL",
                          "mg/dL")
                      : quantity(mmol, "mmol/L", "mmol/L"));
              list.add(o);
            });
    v.first(FollowUpSummary::weightKg)
        .ifPresent(w -> list.add(base(v, Kind.WEIGHT, null).setValue(quantity(w, "kg", "kg"))));
    v.first(FollowUpSummary::heightCm)
        .ifPresent(h -> list.add(base(v, Kind.HEIGHT, null).setValue(quantity(h, "cm", "cm"))));
    v.first(FollowUpSummary::bmi)
        .ifPresent(b -> list.add(base(v, Kind.BMI, null).setValue(quantity(b, "kg/m2", "kg/m2"))));
    v.first(FollowUpSummary::heartRate)
        .ifPresent(
            r ->
                list.add(
                    base(v, Kind.HEART_RATE, null)
                        .setValue(quantity(BigDecimal.valueOf(r), "/min", "/min"))));
    // The diabetes follow-up's HbA1c, dated by its laboratory test (on or before the visit).
    v.followUps().stream()
        .filter(f -> f.hba1c() != null)
        .findFirst()
        .ifPresent(
            f ->
                list.add(
                    base(v, Kind.HBA1C, null)
                        .setEffective(new DateTimeType(f.hba1cOn().toString()))
                        .setValue(quantity(f.hba1c(), "%", "%"))));
    return list;
  }

  private static Observation base(Visit v, Kind kind, String code) {
    Observation o = new Observation();
    o.setId(v.id() + "-" + kind.suffix());
    o.setStatus(Observation.ObservationStatus.FINAL);
    String category = kind.vitalSign() ? "vital-signs" : "laboratory";
    o.addCategory()
        .addCoding(new Coding(CATEGORY, category, kind.vitalSign() ? "Vital Signs" : "Laboratory"));
    o.setCode(loinc(code == null ? kind.code() : code));
    o.setSubject(new Reference("Patient/" + v.residentId()));
    if (!v.implicit()) {
      o.setEncounter(new Reference("Encounter/" + v.id()));
    }
    o.setEffective(new DateTimeType(v.date().toString()));
    if (v.facilityCode() != null) {
      o.addPerformer(new Reference("Organization/" + v.facilityCode()));
    }
    return o;
  }

  static CodeableConcept loinc(String code) {
    return new CodeableConcept(new Coding(Measurements.LOINC, code, DISPLAY.get(code)));
  }

  private static Quantity quantity(BigDecimal value, String code, String unit) {
    return new Quantity().setValue(value).setUnit(unit).setSystem(Measurements.UCUM).setCode(code);
  }
}
