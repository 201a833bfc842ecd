package org.countyhealth.referral.domain;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.countyhealth.referral.rules.StepDeadlines;
import org.countyhealth.referral.rules.StepDeadlines.Step;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code countyhealth.referral.*}: the consortium's number prefix and the step deadlines (any step
 * left out keeps its default).
 */
@ConfigurationProperties("countyhealth.referral")
public record ReferralSettings(
    String numberPrefix, Map<Step, Duration> deadlines, Map<Step, Duration> greenDeadlines) {

  public ReferralSettings {
    numberPrefix = numberPrefix == null ? "ZJ" : numberPrefix;
  }

  StepDeadlines stepDeadlines() {
    StepDeadlines d = StepDeadlines.defaults();
    Map<Step, Duration> normal = new EnumMap<>(Step.class);
    Map<Step, Duration> green = new EnumMap<>(Step.class);
    for (Step s : Step.values()) {
      normal.put(
          s,
          deadlines != null && deadlines.containsKey(s) ? deadlines.get(s) : d.allowed(s, false));
      green.put(
          s,
          greenDeadlines != null && greenDeadlines.containsKey(s)
              ? greenDeadlines.get(s)
              : d.allowed(s, true));
    }
    return new StepDeadlines(normal, green);
  }
}
