package org.countyhealth.organization;

/**
 * A staff member as other modules may show them (the FHIR Practitioner): profession, title, the
 * practising licence number (执业证书编码) and the work phone. Sex is a GB/T 2261.1 code.
 */
public record StaffProfile(
    long id,
    String name,
    String sex,
    String facilityCode,
    Profession profession,
    Title title,
    String licenceNumber,
    String phone,
    boolean active) {}
