package org.countyhealth.residents.record.web;

import java.time.LocalDate;
import org.countyhealth.residents.record.RecordInput;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * Personal basic information as typed on the page or sent to the API, codes as in the record
 * vocabulary; the establishing date defaults to today, version and reason serve corrections.
 */
record RecordForm(
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate establishedOn,
    String bloodAbo,
    String bloodRh,
    String drugAllergies,
    String disability,
    String exposure,
    String smoking,
    String drinking,
    String exercise,
    String diet,
    Integer version,
    String reason) {

  RecordInput input() {
    return new RecordInput(
        bloodAbo, bloodRh, drugAllergies, disability, exposure, smoking, drinking, exercise, diet);
  }

  LocalDate establishedOn(LocalDate today) {
    return establishedOn != null ? establishedOn : today;
  }

  /** A missing version cannot match any stored record, so the correction is refused as stale. */
  int versionOrNone() {
    return version == null ? -1 : version;
  }
}
