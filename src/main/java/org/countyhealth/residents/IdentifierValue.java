package org.countyhealth.residents;

/**
 * One identifier: type, issuer (the facility licence code of a medical-record number, the country
 * of a passport, empty otherwise) and value. Blank issuers become empty; values are trimmed.
 */
public record IdentifierValue(IdentifierType type, String issuer, String value) {

  public IdentifierValue {
    issuer = issuer == null ? "" : issuer.strip();
    value = value == null ? "" : value.strip();
    if (type == IdentifierType.ID_CARD) {
      value = value.toUpperCase();
    }
  }

  public static IdentifierValue of(IdentifierType type, String value) {
    return new IdentifierValue(type, "", value);
  }

  /** For pages and logs: never an identity number in full. */
  public String masked() {
    if (type == IdentifierType.ID_CARD && value.length() == 18) {
      return value.substring(0, 6) + "********" + value.substring(14);
    }
    if (value.length() <= 6) {
      return value;
    }
    return value.substring(0, 3) + "****" + value.substring(value.length() - 3);
  }

  @Override
  public String toString() {
    return type + ":" + masked();
  }
}
