package org.countyhealth.chronic;

/**
 * Colour grade (色标, 000_65944b5c5b97f013.txt lines 23–26) and the level that manages it: red by the
 * county hospital, yellow by the township centre, green by the village clinic.
 */
public enum Grade {
  GREEN("绿标", 0),
  YELLOW("黄标", 1),
  RED("红标", 2);

  private final String label;
  private final int level;

  Grade(String label, int level) {
    this.label = label;
    this.level = level;
  }

  public String label() {
    return label;
  }

  /** 0 village clinic, 1 township centre, 2 county hospital. */
  public int level() {
    return level;
  }

  public String managedBy() {
    return switch (this) {
      case GREEN -> "村卫生站";
      case YELLOW -> "乡镇卫生院";
      case RED -> "县级医院";
    };
  }
}
