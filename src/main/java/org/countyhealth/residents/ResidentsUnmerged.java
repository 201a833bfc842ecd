package org.countyhealth.residents;

/** Published when a merge is undone: rows whose original owner is {@code restoredId} go back. */
public record ResidentsUnmerged(long mergeId, long survivorId, long restoredId) {}
