package org.countyhealth.referral.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.rules.Escalation.Notified;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 000_65944b5c5b97f013.txt lines 531, 594–600: 24-hour office, green channel in minutes
class EscalationTest {

  final StepDeadlines deadlines = StepDeadlines.defaults();
  final LocalDateTime start = LocalDateTime.of(2026, 3, 7, 23, 50); // Saturday night

  @ParameterizedTest(name = "{0} {1} green={2} after {3} min, escalated={4}: {5} {6}")
  @CsvSource({
    // direction, status, green, minutes, already, escalate?, notified
    "UP,   SUBMITTED, true,  10,   false, false, ",
    "UP,   SUBMITTED, true,  11,   false, true,  OFFICE_HEAD",
    "UP,   SUBMITTED, false, 11,   false, false, ",
    "UP,   SUBMITTED, false, 121,  false, true,  OFFICE_HEAD",
    "UP,   SUBMITTED, false, 121,  true,  false, ",
    "UP,   RECEIVED,  true,  31,   false, true,  OFFICE_HEAD",
    "UP,   RECEIVED,  false, 1440, false, false, ",
    "UP,   RECEIVED,  false, 1441, false, true,  OFFICE_HEAD",
    "UP,   ACCEPTED,  false, 4321, false, true,  RECEIVING_DEPARTMENT",
    "UP,   ACCEPTED,  true,  121,  false, true,  RECEIVING_DEPARTMENT",
    "DOWN, SUBMITTED, false, 1441, false, true,  OFFICE_HEAD",
    "DOWN, APPROVED,  true,  61,   false, true,  RECEIVING_TOWNSHIP",
    "DOWN, RECEIVED,  false, 4321, false, true,  RECEIVING_TOWNSHIP",
    "UP,   DRAFTED,   false, 9999, false, false, ",
    "UP,   ARRIVED,   false, 9999, false, false, ",
    "UP,   CLOSED,    true,  9999, false, false, "
  })
  void escalatesOverdueStepsOnce(
      Direction direction,
      ReferralStatus status,
      boolean green,
      long minutes,
      boolean already,
      boolean escalate,
      Notified notified) {
    var notice =
        Escalation.due(
            deadlines, direction, status, green, start, already, start.plusMinutes(minutes));
    assertThat(notice.isPresent()).isEqualTo(escalate);
    notice.ifPresent(
        n -> {
          assertThat(n.notified()).isEqualTo(notified);
          assertThat(n.step()).isEqualTo(StepDeadlines.waitingOn(direction, status));
          assertThat(n.due()).isEqualTo(start.plus(deadlines.allowed(n.step(), green)));
        });
  }
}
