package org.countyhealth.residents;

/**
 * Published when a merge is undone: the rows logged under {@code mergeId} go back to the resident
 * each belonged to before that merge ({@code restoredId}, whose own rows include those of residents
 * merged into it earlier and still merged).
 */
public record ResidentsUnmerged(long mergeId, long survivorId, long restoredId) {}
