package org.countyhealth.chronic;

/** 药物不良反应 of the follow-up form: none, present, hard to control (lines 141–142). */
public enum Adverse {
  NONE("无"),
  PRESENT("有"),
  HARD_TO_CONTROL("有，难以控制");

  private final String label;

  Adverse(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
