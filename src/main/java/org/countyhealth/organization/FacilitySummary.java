package org.countyhealth.organization;

/** What other modules need to know of a facility. */
public record FacilitySummary(
    String licenceCode,
    String name,
    FacilityType type,
    String parentCode,
    String divisionCode,
    boolean active) {}
