package org.countyhealth.residents.domain;

import org.countyhealth.residents.rules.MatchRecord;

/**
 * A record the matcher may compare with: {@code ref} is a resident id (positive) or, within a
 * batch, the negative position of a record not yet inserted.
 */
record Candidate(long ref, MatchRecord record) {}
