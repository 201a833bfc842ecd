package org.countyhealth.residents;

/** A pair awaiting review: the later record, the earlier candidate, and the match weight. */
public record PotentialDuplicate(long residentId, long candidateId, double score, String source) {}
