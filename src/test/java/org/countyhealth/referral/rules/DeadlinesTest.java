package org.countyhealth.referral.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.rules.StepDeadlines.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// 000_65944b5c5b97f013.txt lines 531, 594–600 (24-hour office, green channel); lines 125, 134
class DeadlinesTest {

  final StepDeadlines deadlines = StepDeadlines.defaults();
  final Instant start = Instant.parse("2026-03-07T23:50:00Z"); // a Saturday night: clock time

  @ParameterizedTest(name = "{0} green={1}: due {2}")
  @CsvSource({
    "OFFICE_RECEIVE,   true,  2026-03-08T00:00:00Z",
    "OFFICE_RECEIVE,   false, 2026-03-08T01:50:00Z",
    "OFFICE_DECIDE,    true,  2026-03-08T00:20:00Z",
    "OFFICE_DECIDE,    false, 2026-03-08T23:50:00Z",
    "PATIENT_ARRIVAL,  true,  2026-03-08T01:50:00Z",
    "HEAD_APPROVAL,    false, 2026-03-08T23:50:00Z",
    "TOWNSHIP_RECEIVE, false, 2026-03-08T23:50:00Z"
  })
  void dueInClockTime(Step step, boolean green, Instant due) {
    assertThat(deadlines.due(step, green, start)).isEqualTo(due);
    assertThat(deadlines.overdue(step, green, start, due)).isFalse();
    assertThat(deadlines.overdue(step, green, start, due.plusSeconds(1))).isTrue();
  }

  @ParameterizedTest(name = "{0} {1} waits on {2}")
  @CsvSource({
    "UP,   SUBMITTED, OFFICE_RECEIVE",
    "UP,   RECEIVED,  OFFICE_DECIDE",
    "UP,   ACCEPTED,  PATIENT_ARRIVAL",
    "DOWN, SUBMITTED, HEAD_APPROVAL",
    "DOWN, APPROVED,  TOWNSHIP_RECEIVE",
    "DOWN, RECEIVED,  TOWNSHIP_CONFIRM",
    "UP,   ARRIVED,   ",
    "UP,   CLOSED,    "
  })
  void stepWaitedOn(Direction d, ReferralStatus status, Step expected) {
    assertThat(StepDeadlines.waitingOn(d, status)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "submitted {0}, recorded {1}, today {2}: overdue {3}")
  @CsvSource({
    "2026-03-01, ,           2026-03-15, false",
    "2026-03-01, ,           2026-03-16, true",
    "2026-03-01, 2026-03-15, 2026-04-01, false",
    "2026-03-01, 2026-03-16, 2026-04-01, true",
    "2026-02-20, ,           2026-03-06, false",
    "2026-02-20, ,           2026-03-07, true"
  })
  void resultWithinTwoWeeks(
      LocalDate submitted, LocalDate recorded, LocalDate today, boolean overdue) {
    assertThat(ResultFollowUp.overdue(submitted, recorded, today)).isEqualTo(overdue);
    assertThat(ResultFollowUp.due(submitted)).isEqualTo(submitted.plusDays(14));
  }

  @ParameterizedTest(name = "{0}-{1}-{2} = {3}")
  @CsvSource({
    "ZJ, 2026, 123, ZJ-2026-000123",
    "ZJ, 2027, 1, ZJ-2027-000001",
    "HY, 2026, 999999, HY-2026-999999"
  })
  void numbers(String prefix, int year, long seq, String expected) {
    assertThat(new ReferralNumber(prefix, year, seq).text()).isEqualTo(expected);
  }
}
