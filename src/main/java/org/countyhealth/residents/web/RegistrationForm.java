package org.countyhealth.residents.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.shared.Actor;
import org.springframework.format.annotation.DateTimeFormat;

/** The registration form (page and API): identifiers as separate fields. */
record RegistrationForm(
    String name,
    String sex,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
    String ethnicity,
    String phone,
    String address,
    String village,
    String residenceType,
    String villageClinicCode,
    String townshipCode,
    String idCard,
    String healthCode,
    String insuranceCard,
    String medicalRecordNumber) {

  static RegistrationForm empty() {
    return new RegistrationForm(
        "", "", null, "01", "", "", "", "PERMANENT", "", "", "", "", "", "");
  }

  boolean readyToMatch() {
    return name != null && !name.isBlank() && sex != null && !sex.isBlank() && birthDate != null;
  }

  RegistrationRequest toRequest(Actor actor) {
    List<IdentifierValue> ids = new ArrayList<>();
    add(ids, IdentifierType.ID_CARD, "", idCard);
    add(ids, IdentifierType.HEALTH_CODE, "", healthCode);
    add(ids, IdentifierType.INSURANCE_CARD, "", insuranceCard);
    add(ids, IdentifierType.MEDICAL_RECORD_NUMBER, actor.facilityCode(), medicalRecordNumber);
    return new RegistrationRequest(
        name,
        sex,
        birthDate,
        ethnicity,
        phone,
        address,
        null,
        village,
        residenceType,
        blank(villageClinicCode) ? null : villageClinicCode,
        blank(townshipCode) ? null : townshipCode,
        null,
        actor.facilityCode(),
        ids);
  }

  private static void add(List<IdentifierValue> ids, IdentifierType type, String issuer, String v) {
    if (!blank(v)) {
      ids.add(new IdentifierValue(type, issuer, v));
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
