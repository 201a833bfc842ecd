package org.countyhealth.residents.record;

import java.time.LocalDate;

/** The resident a health record or contract belongs to, as this part of the module needs it. */
public record ResidentRef(
    long id,
    String name,
    String sex,
    LocalDate birthDate,
    String divisionCode,
    String facilityCode,
    String villageClinicCode,
    String townshipCode) {

  public String sexLabel() {
    return switch (sex) {
      case "1" -> "男";
      case "2" -> "女";
      case "9" -> "未说明";
      default -> "未知";
    };
  }
}
