package org.countyhealth.residents.rules;

import org.countyhealth.residents.MatchOutcome;

/**
 * The two thresholds of the decision (total weight in bits): at or above {@code link} the same
 * person, at or above {@code review} a potential duplicate, below a new person.
 */
public record MatchThresholds(double link, double review) {

  /** Defaults tuned on the synthetic county's injected duplicates (see {@link Matcher}). */
  public static final MatchThresholds DEFAULT = new MatchThresholds(24.0, 15.0);

  public MatchThresholds {
    if (!(link > review)) {
      throw new IllegalArgumentException("link threshold must exceed review threshold");
    }
  }

  public MatchOutcome decide(MatchScore score) {
    if (!score.possible() || score.total() < review) {
      return MatchOutcome.NEW;
    }
    return score.total() >= link ? MatchOutcome.LINK : MatchOutcome.REVIEW;
  }
}
