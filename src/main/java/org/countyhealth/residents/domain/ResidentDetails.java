package org.countyhealth.residents.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.countyhealth.residents.IdentifierValue;

/** A resident as the pages show it. */
public record ResidentDetails(
    long id,
    String name,
    String namePinyin,
    String sex,
    LocalDate birthDate,
    String ethnicity,
    String phone,
    String address,
    String village,
    String residenceType,
    String villageClinicCode,
    String townshipCode,
    Long familyDoctorId,
    String facilityCode,
    String status,
    Long mergedInto,
    LocalDateTime createdAt,
    LocalDateTime updatedAt,
    int version,
    List<IdentifierValue> identifiers) {

  public String sexLabel() {
    return switch (sex) {
      case "1" -> "男";
      case "2" -> "女";
      case "9" -> "未说明";
      default -> "未知";
    };
  }

  public int age(LocalDate today) {
    return java.time.Period.between(birthDate, today).getYears();
  }

  /** Facilities responsible for the resident: who sees cross-facility reads of the record. */
  public List<String> responsibleFacilities() {
    return java.util.stream.Stream.of(facilityCode, villageClinicCode, townshipCode)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .toList();
  }
}
