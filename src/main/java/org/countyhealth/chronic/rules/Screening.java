package org.countyhealth.chronic.rules;

import java.time.LocalDate;
import java.util.Collection;

/**
 * BP screening of residents aged 35 and over (000_65944b5c5b97f013.txt lines 22, 124–125): one
 * measurement a year; a first reading ≥ 140 and/or ≥ 90 books a recheck; elevated readings on three
 * different days make a suspected case, to be confirmed at a higher level.
 */
public final class Screening {

  public static final int MIN_AGE = 35;

  private Screening() {}

  /** What the latest reading leads to. */
  public enum Outcome {
    NORMAL("正常"),
    RECHECK("预约复查"),
    SUSPECTED("疑似高血压，建议上级确诊");

    private final String label;

    Outcome(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A screening reading on a day. */
  public record Reading(LocalDate day, int systolic, int diastolic) {}

  public static boolean elevated(int systolic, int diastolic) {
    return systolic >= 140 || diastolic >= 90;
  }

  /** Line 124: a resident of 35 or more not measured in the last year is due. */
  public static boolean due(int age, LocalDate lastMeasured, LocalDate today) {
    return age >= MIN_AGE && (lastMeasured == null || !lastMeasured.isAfter(today.minusYears(1)));
  }

  /**
   * Line 125: the outcome after {@code latest} given the earlier readings of the same episode
   * (readings since the last normal one). Three elevated readings must fall on different days.
   */
  public static Outcome assess(Reading latest, Collection<Reading> earlier) {
    if (!elevated(latest.systolic(), latest.diastolic())) {
      return Outcome.NORMAL;
    }
    long days =
        java.util.stream.Stream.concat(earlier.stream(), java.util.stream.Stream.of(latest))
            .filter(r -> elevated(r.systolic(), r.diastolic()))
            .map(Reading::day)
            .distinct()
            .count();
    return days >= 3 ? Outcome.SUSPECTED : Outcome.RECHECK;
  }
}
