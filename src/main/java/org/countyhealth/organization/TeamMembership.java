package org.countyhealth.organization;

/** A staff member's role in a family-doctor team, at the team's township centre. */
public record TeamMembership(
    long teamId,
    String teamName,
    String facilityCode,
    long staffId,
    TeamRole role,
    boolean active) {}
