package org.countyhealth.residents.rules;

/** The agreement level of one field and its Fellegi–Sunter weight (log2 m/u). */
public record FieldScore(String field, String level, double weight) {

  @Override
  public String toString() {
    return field + "=" + level + ":" + String.format("%+.1f", weight);
  }
}
