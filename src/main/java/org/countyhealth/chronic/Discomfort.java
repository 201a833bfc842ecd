package org.countyhealth.chronic;

/** Degree of discomfort since the last visit (色标, 000_65944b5c5b97f013.txt lines 24–26). */
public enum Discomfort {
  NONE("无"),
  MILD("轻度"),
  MODERATE_SEVERE("中、重度");

  private final String label;

  Discomfort(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
