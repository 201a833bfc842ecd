package org.countyhealth.chronic;

/** 服药依从性 of the national follow-up form: 规律 / 间断 / 不服药. */
public enum Adherence {
  REGULAR("规律"),
  INTERMITTENT("间断"),
  NONE("不服药");

  private final String label;

  Adherence(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
