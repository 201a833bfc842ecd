package org.countyhealth.chronic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.countyhealth.chronic.rules.ReportingLine.Period;
import org.countyhealth.chronic.rules.ReportingLine.Refusal;
import org.countyhealth.chronic.rules.ReportingLine.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 000_65944b5c5b97f013.txt line 103: village figures go to the township centre, which reports to
 * the county chronic-disease centre; line 75 for the levels.
 */
class ReportingLineTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      delimiter = '|',
      value = {
        "village, quarter ended          | VILLAGE_CLINIC          | 2025 | 1 | 2025-04-01 | -         | true  | -",
        "village, last day of quarter     | VILLAGE_CLINIC          | 2025 | 1 | 2025-03-31 | -         | true  | PERIOD_NOT_ENDED",
        "year report before 31 Dec ends   | VILLAGE_CLINIC          | 2025 | 0 | 2025-12-31 | -         | true  | PERIOD_NOT_ENDED",
        "year report in January           | VILLAGE_CLINIC          | 2025 | 0 | 2026-01-01 | -         | true  | -",
        "resubmit after a return          | VILLAGE_CLINIC          | 2025 | 2 | 2025-07-02 | RETURNED  | true  | -",
        "already submitted                | VILLAGE_CLINIC          | 2025 | 2 | 2025-07-02 | SUBMITTED | true  | ALREADY_SUBMITTED",
        "locked is final                  | VILLAGE_CLINIC          | 2025 | 2 | 2025-07-02 | LOCKED    | true  | LOCKED",
        "township before villages locked  | TOWNSHIP_HEALTH_CENTRE  | 2025 | 3 | 2025-10-05 | -         | false | MEMBERS_NOT_LOCKED",
        "township after villages locked   | TOWNSHIP_HEALTH_CENTRE  | 2025 | 3 | 2025-10-05 | -         | true  | -",
        "county hospital reports to lead  | COUNTY_TCM_HOSPITAL     | 2025 | 4 | 2026-01-05 | -         | true  | -",
        "the county centre is the top     | LEAD_HOSPITAL           | 2025 | 4 | 2026-01-05 | -         | true  | NOT_A_REPORTER",
        "partners outside do not report   | DESIGNATED_HOSPITAL     | 2025 | 4 | 2026-01-05 | -         | true  | NOT_A_REPORTER",
      })
  void submission(
      String name,
      String type,
      int year,
      int quarter,
      LocalDate today,
      Status current,
      boolean membersLocked,
      Refusal expected) {
    assertThat(
            ReportingLine.submission(
                type, new Period(year, quarter), today, current, membersLocked))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      delimiter = '|',
      value = {
        "all submitted             | SUBMITTED SUBMITTED | 2025-04-01 | false | -",
        "some already locked       | LOCKED SUBMITTED    | 2025-04-01 | false | -",
        "one missing               | SUBMITTED MISSING   | 2025-04-01 | false | MEMBERS_MISSING",
        "one returned, not redone  | RETURNED SUBMITTED  | 2025-04-01 | false | MEMBERS_MISSING",
        "quarter not over          | SUBMITTED SUBMITTED | 2025-03-31 | true  | PERIOD_NOT_ENDED",
        "a village has no members  | -                   | 2025-04-01 | false | NOT_UPPER_LEVEL",
        "county, all in            | SUBMITTED LOCKED    | 2025-04-01 | true  | -",
      })
  void lock(String name, String members, LocalDate today, boolean top, Refusal expected) {
    List<Status> statuses =
        members == null
            ? List.of()
            : Arrays.stream(members.split(" "))
                .map(s -> s.equals("MISSING") ? null : Status.valueOf(s))
                .toList();
    assertThat(ReportingLine.lock(new Period(2025, 1), today, statuses, top)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      delimiter = '|',
      value = {
        "submitted with a reason | SUBMITTED | 数据与随访记录不符 | -",
        "blank reason            | SUBMITTED | '  '      | REASON_REQUIRED",
        "no reason               | SUBMITTED | -         | REASON_REQUIRED",
        "locked                  | LOCKED    | 再核对      | LOCKED",
        "already returned        | RETURNED  | 再核对      | NOT_RETURNABLE",
      })
  void returning(String name, Status current, String reason, Refusal expected) {
    assertThat(ReportingLine.returning(current, reason)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}-{1}")
  @CsvSource({
    "2025, 0, 2025-01-01, 2025-12-31, true",
    "2025, 1, 2025-01-01, 2025-03-31, true",
    "2024, 4, 2024-10-01, 2024-12-31, true",
    "1999, 1, 1999-01-01, 1999-03-31, false",
  })
  void periods(int year, int quarter, LocalDate start, LocalDate end, boolean valid) {
    assertThat(Period.valid(year, quarter)).isEqualTo(valid);
    assertThat(new Period(year, quarter).start()).isEqualTo(start);
    assertThat(new Period(year, quarter).end()).isEqualTo(end);
  }
}
