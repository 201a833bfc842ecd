package org.countyhealth.chronic;

/** 随访方式: clinic, home visit, phone (000_65944b5c5b97f013.txt lines 178, 231). */
public enum VisitMode {
  CLINIC("门诊", true),
  HOME("家庭", true),
  PHONE("电话", false);

  private final String label;
  private final boolean faceToFace;

  VisitMode(String label, boolean faceToFace) {
    this.label = label;
    this.faceToFace = faceToFace;
  }

  public String label() {
    return label;
  }

  public boolean faceToFace() {
    return faceToFace;
  }
}
