package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.countyhealth.chronic.Grade;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The history of grade changes (one row per change, never updated). */
final class Grades {

  private Grades() {}

  static void record(
      JdbcClient jdbc,
      long enrolmentId,
      long residentId,
      Grade from,
      Grade to,
      LocalDate on,
      String reason,
      Long followUpId) {
    jdbc.sql(
            "INSERT INTO chronic.grade_change (enrolment_id, resident_id, original_resident_id,"
                + " from_grade, to_grade, changed_on, reason, follow_up_id, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            enrolmentId,
            residentId,
            residentId,
            from == null ? null : from.name(),
            to.name(),
            on,
            reason,
            followUpId,
            LocalDateTime.now())
        .update();
  }
}
