package org.countyhealth.organization;

/** What other modules need to know of a staff member. */
public record StaffSummary(
    long id, String name, String facilityCode, String profession, String title, boolean active) {}
