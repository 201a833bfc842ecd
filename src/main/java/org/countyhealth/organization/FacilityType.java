package org.countyhealth.organization;

/**
 * Kinds of facility. The level orders the referral direction: county (3) above township (2) above
 * village (1); partners outside the consortium are level 4 (001_026e4c0fdc145d70.txt, annex 2).
 */
public enum FacilityType {
  LEAD_HOSPITAL("牵头医院（总医院）", 3, true),
  COUNTY_GENERAL_HOSPITAL("县级综合医院", 3, true),
  COUNTY_TCM_HOSPITAL("县中医院", 3, true),
  TOWNSHIP_HEALTH_CENTRE("乡镇卫生院", 2, true),
  COMMUNITY_HEALTH_CENTRE("社区卫生服务中心", 2, true),
  VILLAGE_CLINIC("村卫生站", 1, true),
  EXTERNAL_TERTIARY_HOSPITAL("县外三级医院", 4, false),
  DESIGNATED_HOSPITAL("定点医院", 4, false),
  SUB_DESIGNATED_HOSPITAL("亚定点医院", 4, false);

  private final String label;
  private final int level;
  private final boolean member;

  FacilityType(String label, int level, boolean member) {
    this.label = label;
    this.level = level;
    this.member = member;
  }

  public String label() {
    return label;
  }

  public int level() {
    return level;
  }

  /** Whether facilities of this type belong to the consortium (others are partners). */
  public boolean member() {
    return member;
  }

  public boolean countyLevel() {
    return level == 3;
  }
}
