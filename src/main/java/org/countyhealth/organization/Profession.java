package org.countyhealth.organization;

/** A staff member's profession (执业类别). */
public enum Profession {
  CLINICAL_PHYSICIAN("临床医师"),
  GENERAL_PRACTITIONER("全科医师"),
  TCM_PHYSICIAN("中医师"),
  VILLAGE_DOCTOR("乡村医生"),
  NURSE("护士"),
  PHARMACIST("药师"),
  MEDICAL_TECHNICIAN("医技人员"),
  PUBLIC_HEALTH("公共卫生人员"),
  ADMINISTRATOR("管理人员");

  private final String label;

  Profession(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
