package org.countyhealth.chronic;

/** The two programme diseases (000_65944b5c5b97f013.txt line 20). */
public enum Disease {
  HYPERTENSION("高血压"),
  DIABETES("2型糖尿病");

  private final String label;

  Disease(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
