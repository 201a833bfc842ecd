package org.countyhealth.residents;

/**
 * What became of a registration: the resident it now belongs to, the decision, and for a scored
 * decision the best candidate, its total weight and the field scores.
 */
public record RegistrationOutcome(
    long residentId, MatchOutcome outcome, Long candidateId, Double score, String fieldScores) {

  /** True when a new resident record was created (NEW or REVIEW). */
  public boolean created() {
    return outcome == MatchOutcome.NEW || outcome == MatchOutcome.REVIEW;
  }
}
