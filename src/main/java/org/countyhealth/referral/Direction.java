package org.countyhealth.referral;

/** 上转 to a higher level, 下转 to a lower level. */
public enum Direction {
  UP("上转"),
  DOWN("下转");

  private final String label;

  Direction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
