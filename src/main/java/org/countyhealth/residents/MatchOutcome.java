package org.countyhealth.residents;

/** What the matcher decided for a registration or a scanned pair. */
public enum MatchOutcome {
  /** The same valid identity card number (or another identifier) is already registered. */
  EXACT("身份证号码一致"),
  /** Score at or above the link threshold: the same person. */
  LINK("判定为同一人"),
  /** Score between the thresholds: a potential duplicate for a person to review. */
  REVIEW("疑似重复，待人工审核"),
  /** Score below the review threshold: a new person. */
  NEW("新建居民");

  private final String label;

  MatchOutcome(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
