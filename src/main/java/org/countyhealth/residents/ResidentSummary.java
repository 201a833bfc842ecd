package org.countyhealth.residents;

import java.time.LocalDate;

/** What other modules need to know of a resident. Sex is a GB/T 2261.1 code. */
public record ResidentSummary(
    long id,
    String name,
    String sex,
    LocalDate birthDate,
    String facilityCode,
    String villageClinicCode,
    String townshipCode,
    Long familyDoctorId) {}
