package org.countyhealth.chronic.rules;

import java.util.List;
import org.countyhealth.chronic.Disease;

/**
 * Which indications of the referral checklist a chronic-programme referral ticks
 * (000_65944b5c5b97f013.txt lines 146–160 hypertension, 210–226 diabetes; emergency criteria of
 * lines 134 and 197–198 map to the emergency indications that open the green channel).
 */
public final class ReferralIndications {

  private ReferralIndications() {}

  public static List<String> forReferral(Disease disease, boolean up, boolean emergency) {
    if (disease == Disease.HYPERTENSION) {
      if (!up) {
        return List.of("HTN_DOWN_4"); // 血压及伴随临床疾患已控制
      }
      // 疑似高血压危象或靶器官严重损害 / 其他难以处理需到上级医院进一步诊治的
      return List.of(emergency ? "HTN_UP_1" : "HTN_UP_7");
    }
    if (!up) {
      return List.of("DM_DOWN_4"); // 血糖、血压、血脂及伴随临床情况控制稳定
    }
    // 糖尿病急性并发症（随机血糖≥16.7）/ 血糖、血压和/或血脂不达标者
    return List.of(emergency ? "DM_UP_8" : "DM_UP_9");
  }
}
