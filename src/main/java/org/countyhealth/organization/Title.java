package org.countyhealth.organization;

/** Professional title (职称), ordered from senior to junior within each series. */
public enum Title {
  CHIEF_PHYSICIAN("主任医师"),
  ASSOCIATE_CHIEF_PHYSICIAN("副主任医师"),
  ATTENDING_PHYSICIAN("主治医师"),
  PHYSICIAN("医师"),
  ASSISTANT_PHYSICIAN("医士"),
  CHIEF_NURSE("主任护师"),
  ASSOCIATE_CHIEF_NURSE("副主任护师"),
  SUPERVISOR_NURSE("主管护师"),
  NURSE_PRACTITIONER("护师"),
  NURSE("护士"),
  PHARMACIST("药师"),
  TECHNICIAN("技师"),
  VILLAGE_DOCTOR("乡村医生"),
  NONE("无");

  private final String label;

  Title(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
