package org.countyhealth.residents;

/**
 * Published when two records of one person are merged: every module moves the rows of {@code
 * mergedId} to {@code survivorId} and logs each move under {@code mergeId} with the row's owner
 * before it, so that the unmerge of this merge restores exactly those rows, even in a chain of
 * merges (docs/residents.md, "Review, merge, unmerge").
 */
public record ResidentsMerged(long mergeId, long survivorId, long mergedId) {}
