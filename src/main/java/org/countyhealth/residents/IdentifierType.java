package org.countyhealth.residents;

/** Kinds of identifier a resident may carry; the e-health code is the master index key. */
public enum IdentifierType {
  ID_CARD("居民身份证", false),
  HEALTH_CODE("电子健康码", false),
  HEALTH_CARD("居民健康卡", false),
  INSURANCE_CARD("医保卡", false),
  PASSPORT("护照", true),
  MEDICAL_RECORD_NUMBER("病案号（本机构）", true);

  private final String label;
  private final boolean needsIssuer;

  IdentifierType(String label, boolean needsIssuer) {
    this.label = label;
    this.needsIssuer = needsIssuer;
  }

  public String label() {
    return label;
  }

  /** A medical-record number is unique only within its facility, a passport within its country. */
  public boolean needsIssuer() {
    return needsIssuer;
  }
}
