package org.countyhealth.residents.contract;

/** A family-doctor team as contracts need it. */
public record TeamRef(long id, String name, String facilityCode, boolean active) {}
