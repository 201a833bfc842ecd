package org.countyhealth.referral.rules;

import java.util.List;
import org.countyhealth.organization.FacilityType;

/**
 * Whether a facility can manage a condition (main diagnosis, ICD-10). County hospitals and partners
 * manage everything; township centres manage the conditions of the down-referral indications;
 * village clinics only follow stable hypertension and diabetes (green grade).
 */
public final class ConditionCapability {

  // 000_65944b5c5b97f013.txt lines 558–562: 常见病、多发病、慢性病缓解期、术后康复、晚期姑息治疗。
  static final List<String> TOWNSHIP =
      List.of(
          "I10", "I11", "I12", "I13", "I15", "E10", "E11", "E12", "E13", "E14", "I25", "I69", "J44",
          "J00", "J01", "J02", "J03", "J04", "J06", "J20", "K29", "K30", "M54", "M17", "Z48", "Z50",
          "Z51.5", "Z09");
  // 000_65944b5c5b97f013.txt line 23: 绿标患者由村卫生站协同随访管理。
  static final List<String> VILLAGE = List.of("I10", "I11", "E11");

  private ConditionCapability() {}

  public static boolean canManage(FacilityType type, String icd10) {
    if (type.level() >= 3) {
      return true;
    }
    String code = normalise(icd10);
    List<String> managed = type.level() == 2 ? TOWNSHIP : VILLAGE;
    return managed.stream().anyMatch(code::startsWith);
  }

  static String normalise(String icd10) {
    return icd10 == null ? "" : icd10.strip().toUpperCase(java.util.Locale.ROOT);
  }
}
