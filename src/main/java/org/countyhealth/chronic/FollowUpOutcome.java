package org.countyhealth.chronic;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the rules made of a follow-up. {@code followUpId} is null for a preview. */
public record FollowUpOutcome(
    Long followUpId,
    String classification,
    String classificationLabel,
    Grade grade,
    String managementLevel,
    LocalDate nextVisitOn,
    BigDecimal bmi,
    List<String> emergencyReasons,
    String referral) {

  public FollowUpOutcome {
    emergencyReasons = List.copyOf(emergencyReasons);
  }

  public boolean emergency() {
    return !emergencyReasons.isEmpty();
  }
}
