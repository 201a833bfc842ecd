package org.countyhealth.fhir.server;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.countyhealth.fhir.server.Measurement.Kind;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Reads the value of an Observation into a {@link Measurement}: the LOINC code decides the kind,
 * UCUM units are converted to the units of the follow-up form. Anything else is refused with the
 * element's location; nothing is stored by this class.
 */
final class Measurements {

  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";

  /** Glucose molar mass 180.16 g/mol: 1 mmol/L = 18.016 mg/dL. */
  static final BigDecimal MG_DL_PER_MMOL_L = new BigDecimal("18.016");

  private static final BigDecimal POUND_KG = new BigDecimal("0.45359237");
  private static final BigDecimal INCH_CM = new BigDecimal("2.54");

  /** Glucose codes in mass concentration (read back in mg/dL) and in moles (mmol/L). */
  static final List<String> MASS_GLUCOSE_CODES = List.of("1558-6", "2339-0", "2345-7");

  private static final List<String> GLUCOSE_CODES =
      List.of("1558-6", "2339-0", "2345-7", "14771-0", "15074-8", "14749-6");

  /**
   * IFCC → NGSP master equation (NGSP/IFCC, Hoelzel et al., Clin Chem 2004;50:166): % = 0.09148 ×
   * mmol/mol + 2.152.
   */
  static final BigDecimal IFCC_SLOPE = new BigDecimal("0.09148");

  static final BigDecimal IFCC_INTERCEPT = new BigDecimal("2.152");

  private Measurements() {}

  static Measurement read(Observation o) {
    if (o.getCode().getCoding().isEmpty()) {
      throw Refusals.unprocessable("Observation.code 须含 LOINC 编码", "Observation.code");
    }
    int index = -1;
    for (int i = 0; i < o.getCode().getCoding().size(); i++) {
      if (LOINC.equals(o.getCode().getCoding().get(i).getSystem())) {
        index = i;
        break;
      }
    }
    if (index < 0) {
      throw Refusals.unprocessable(
          "不支持的编码体系："
              + o.getCode().getCodingFirstRep().getSystem()
              + "；Observation.code 须使用 LOINC（"
              + LOINC
              + "）",
          "Observation.code.coding[0].system");
    }
    String code = o.getCode().getCoding().get(index).getCode();
    String codeLocation = "Observation.code.coding[" + index + "].code";
    if (Kind.BLOOD_PRESSURE.code().equals(code)) {
      return bloodPressure(o);
    }
    if ("8480-6".equals(code) || "8462-4".equals(code)) {
      throw Refusals.unprocessable("收缩压、舒张压须作为血压组合（LOINC 85354-9）的 component 一并提交", codeLocation);
    }
    Kind kind = kindOf(code);
    if (kind == null) {
      throw Refusals.unprocessable(
          "不支持的 LOINC 代码：" + code + "（支持血压、血糖、体重、身高、BMI、心率、糖化血红蛋白）", codeLocation);
    }
    if (!o.hasValueQuantity() || !o.getValueQuantity().hasValue()) {
      throw Refusals.unprocessable(kind.label() + "须以 valueQuantity 提交", "Observation.value[x]");
    }
    String location = "Observation.valueQuantity";
    BigDecimal value = convert(kind, o.getValueQuantity(), location);
    Map<String, String> locations =
        kind == Kind.HBA1C
            ? Map.of("hba1c", location, "hba1cOn", "Observation.effective")
            : Map.of(field(kind), location);
    return new Measurement(kind, code, null, null, value, locations, null, null);
  }

  private static Measurement bloodPressure(Observation o) {
    Integer systolic = null;
    Integer diastolic = null;
    Map<String, String> locations = new java.util.HashMap<>();
    for (int i = 0; i < o.getComponent().size(); i++) {
      Observation.ObservationComponentComponent c = o.getComponent().get(i);
      Coding coding =
          c.getCode().getCoding().stream()
              .filter(x -> LOINC.equals(x.getSystem()))
              .findFirst()
              .orElse(null);
      if (coding == null) {
        continue;
      }
      String location = "Observation.component[" + i + "].valueQuantity";
      if ("8480-6".equals(coding.getCode()) || "8462-4".equals(coding.getCode())) {
        if (!c.hasValueQuantity() || !c.getValueQuantity().hasValue()) {
          throw Refusals.unprocessable("血压须以 valueQuantity 提交", location);
        }
        int mmHg = mmHg(c.getValueQuantity(), location);
        if ("8480-6".equals(coding.getCode())) {
          systolic = mmHg;
          locations.put("systolic", location);
        } else {
          diastolic = mmHg;
          locations.put("diastolic", location);
        }
      }
    }
    if (systolic == null || diastolic == null) {
      throw Refusals.unprocessable(
          "血压组合须含收缩压（8480-6）与舒张压（8462-4）两个 component", "Observation.component");
    }
    return new Measurement(
        Kind.BLOOD_PRESSURE,
        Kind.BLOOD_PRESSURE.code(),
        systolic,
        diastolic,
        null,
        locations,
        null,
        null);
  }

  private static Kind kindOf(String code) {
    if (GLUCOSE_CODES.contains(code)) {
      return Kind.GLUCOSE;
    }
    for (Kind k : Kind.values()) {
      if (k.code().equals(code)) {
        return k;
      }
    }
    return null;
  }

  /** The field name of the chronic rules that a kind's value fills. */
  static String field(Kind kind) {
    return switch (kind) {
      case GLUCOSE -> "fastingGlucose";
      case WEIGHT -> "weightKg";
      case HEIGHT -> "heightCm";
      case HEART_RATE -> "heartRate";
      case BMI -> "bmi";
      case BLOOD_PRESSURE -> "systolic";
      case HBA1C -> "hba1c";
    };
  }

  private static int mmHg(Quantity q, String location) {
    String unit = unit(q, location);
    if (!"mm[Hg]".equals(unit)) {
      throw Refusals.unprocessable("无法换算的单位“" + unit + "”：血压须为 mm[Hg]", location);
    }
    try {
      return q.getValue().intValueExact();
    } catch (ArithmeticException e) {
      throw Refusals.unprocessable("血压须为整数 mmHg", location);
    }
  }

  /** The value in the form's unit, at the form's precision (one decimal). */
  static BigDecimal convert(Kind kind, Quantity q, String location) {
    String unit = unit(q, location);
    BigDecimal v = q.getValue();
    BigDecimal converted =
        switch (kind) {
          case GLUCOSE ->
              switch (unit) {
                case "mmol/L" -> v;
                case "mg/dL" -> v.divide(MG_DL_PER_MMOL_L, 3, RoundingMode.HALF_UP);
                default -> refuse(unit, "血糖须为 mmol/L 或 mg/dL", location);
              };
          case WEIGHT ->
              switch (unit) {
                case "kg" -> v;
                case "g" -> v.movePointLeft(3);
                case "[lb_av]" -> v.multiply(POUND_KG);
                default -> refuse(unit, "体重须为 kg、g 或 [lb_av]", location);
              };
          case HEIGHT ->
              switch (unit) {
                case "cm" -> v;
                case "m" -> v.movePointRight(2);
                case "[in_i]" -> v.multiply(INCH_CM);
                default -> refuse(unit, "身高须为 cm、m 或 [in_i]", location);
              };
          case BMI -> "kg/m2".equals(unit) ? v : refuse(unit, "体质指数须为 kg/m2", location);
          case HEART_RATE ->
              "/min".equals(unit) || "{beats}/min".equals(unit)
                  ? v
                  : refuse(unit, "心率须为 /min", location);
          case HBA1C ->
              switch (unit) {
                case "%" -> v;
                case "mmol/mol" -> v.multiply(IFCC_SLOPE).add(IFCC_INTERCEPT);
                default -> refuse(unit, "糖化血红蛋白须为 %（NGSP）或 mmol/mol（IFCC）", location);
              };
          case BLOOD_PRESSURE ->
              throw new IllegalArgumentException("blood pressure has components");
        };
    if (kind == Kind.HEART_RATE) {
      return converted.setScale(0, RoundingMode.HALF_UP);
    }
    return converted.setScale(1, RoundingMode.HALF_UP);
  }

  private static BigDecimal refuse(String unit, String expected, String location) {
    throw Refusals.unprocessable("无法换算的单位“" + unit + "”：" + expected, location);
  }

  /** The UCUM code (or the unit when no code is given); another unit system is refused. */
  private static String unit(Quantity q, String location) {
    if (q.hasSystem() && !UCUM.equals(q.getSystem())) {
      throw Refusals.unprocessable("单位须使用 UCUM（" + UCUM + "），收到：" + q.getSystem(), location);
    }
    String unit = q.hasCode() ? q.getCode() : q.getUnit();
    if (unit == null || unit.isBlank()) {
      throw Refusals.unprocessable("缺少单位", location);
    }
    return unit;
  }
}
