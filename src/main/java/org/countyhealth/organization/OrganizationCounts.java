package org.countyhealth.organization;

/** Figures shown on home pages. */
public record OrganizationCounts(
    long facilities,
    long townshipCentres,
    long villageClinics,
    long staff,
    long familyDoctorTeams,
    long grids) {}
