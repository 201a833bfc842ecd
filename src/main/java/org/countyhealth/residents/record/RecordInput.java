package org.countyhealth.residents.record;

import java.util.LinkedHashMap;
import java.util.Map;
import org.countyhealth.residents.record.rules.RecordVocabulary;
import org.countyhealth.shared.BusinessException;

/**
 * Personal basic information (个人基本信息表) as entered: codes checked against the vocabulary, free texts
 * trimmed and bounded. Blank texts mean "none".
 */
public record RecordInput(
    String bloodAbo,
    String bloodRh,
    String drugAllergies,
    String disability,
    String exposure,
    String smoking,
    String drinking,
    String exercise,
    String diet) {

  public RecordInput {
    bloodAbo = code(RecordVocabulary.BloodAbo.class, bloodAbo, "bloodAbo", "UNKNOWN");
    bloodRh = code(RecordVocabulary.BloodRh.class, bloodRh, "bloodRh", "UNKNOWN");
    smoking = code(RecordVocabulary.Smoking.class, smoking, "smoking", "NEVER");
    drinking = code(RecordVocabulary.Drinking.class, drinking, "drinking", "NEVER");
    exercise = code(RecordVocabulary.Exercise.class, exercise, "exercise", "NEVER");
    drugAllergies = text(drugAllergies, "drugAllergies", 200);
    disability = text(disability, "disability", 200);
    exposure = text(exposure, "exposure", 200);
    diet = text(diet, "diet", 100);
  }

  public static RecordInput unknown() {
    return new RecordInput(null, null, null, null, null, null, null, null, null);
  }

  /** Field → value as shown, for the correction history. */
  Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("bloodAbo", bloodAbo);
    values.put("bloodRh", bloodRh);
    values.put("drugAllergies", drugAllergies);
    values.put("disability", disability);
    values.put("exposure", exposure);
    values.put("smoking", smoking);
    values.put("drinking", drinking);
    values.put("exercise", exercise);
    values.put("diet", diet);
    return values;
  }

  static <E extends Enum<E>> String code(Class<E> type, String value, String field, String dflt) {
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      return Enum.valueOf(type, value.strip()).name();
    } catch (IllegalArgumentException e) {
      throw new BusinessException("RECORD_CODE_INVALID", "请从列表中选择", field);
    }
  }

  static String text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      throw new BusinessException("RECORD_TEXT_TOO_LONG", "不能超过" + max + "字", field);
    }
    return stripped;
  }
}
