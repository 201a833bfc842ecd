package org.countyhealth.residents;

/**
 * Published when two records of one person are merged: every module moves the rows of {@code
 * mergedId} to {@code survivorId}, remembering the original owner (column {@code
 * original_resident_id}) so that an unmerge can restore them exactly.
 */
public record ResidentsMerged(long mergeId, long survivorId, long mergedId) {}
