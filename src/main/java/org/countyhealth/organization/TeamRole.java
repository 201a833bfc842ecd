package org.countyhealth.organization;

/**
 * Roles in a family-doctor team: a county specialist leads, township GPs and village doctors serve
 * (000_65944b5c5b97f013.txt line 15).
 */
public enum TeamRole {
  LEADER("团队长"),
  GENERAL_PRACTITIONER("全科医生"),
  VILLAGE_DOCTOR("乡村医生（健康指导员）"),
  NURSE("护士"),
  PUBLIC_HEALTH("公卫人员");

  private final String label;

  TeamRole(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
