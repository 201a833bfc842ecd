package org.countyhealth.chronic;

import java.util.EnumSet;
import java.util.Set;

/**
 * Danger symptoms that call for an urgent referral: hypertension line 134, diabetes lines 197–198
 * of 000_65944b5c5b97f013.txt.
 */
public enum Symptom {
  CONSCIOUSNESS_CHANGE("意识或行为改变", true, true),
  SEVERE_HEADACHE_DIZZINESS("剧烈头痛或头晕", true, false),
  NAUSEA_VOMITING("恶心呕吐", true, true),
  BLURRED_VISION("视力模糊", true, false),
  EYE_PAIN("眼痛", true, false),
  PALPITATION("心悸", true, true),
  CHEST_TIGHTNESS("胸闷", true, false),
  ORTHOPNOEA("喘憋不能平卧", true, false),
  ACETONE_BREATH("呼气有烂苹果样丙酮味", false, true),
  SWEATING("出汗", false, true),
  LOSS_OF_APPETITE("食欲减退", false, true),
  POLYDIPSIA_POLYURIA("多饮、多尿", false, true),
  ABDOMINAL_PAIN("腹痛", false, true),
  DEEP_BREATHING("深大呼吸", false, true),
  FLUSHED_SKIN("皮肤潮红", false, true),
  SUDDEN_VISION_LOSS("视力突然骤降", false, true);

  private final String label;
  private final boolean hypertension;
  private final boolean diabetes;

  Symptom(String label, boolean hypertension, boolean diabetes) {
    this.label = label;
    this.hypertension = hypertension;
    this.diabetes = diabetes;
  }

  public String label() {
    return label;
  }

  public boolean dangerFor(Disease disease) {
    return disease == Disease.HYPERTENSION ? hypertension : diabetes;
  }

  public static Set<Symptom> of(Disease disease) {
    Set<Symptom> set = EnumSet.noneOf(Symptom.class);
    for (Symptom s : values()) {
      if (s.dangerFor(disease)) {
        set.add(s);
      }
    }
    return set;
  }
}
