package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.countyhealth.chronic.Adherence;
import org.countyhealth.chronic.Adverse;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.chronic.Discomfort;
import org.countyhealth.chronic.FollowUpRequest;
import org.countyhealth.chronic.VisitMode;
import org.countyhealth.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Follow-ups recorded through the service for the chronic benchmark, with the rules and the next
 * visit's schedule: 500 clinic visits of the loaded hypertension patients, 60 % controlled.
 */
final class BenchFollowUps {

  private final JdbcClient jdbc;
  private final ChronicCare care;

  BenchFollowUps(JdbcClient jdbc, ChronicCare care) {
    this.jdbc = jdbc;
    this.care = care;
  }

  /** The time of each of the 500 follow-ups, in nanoseconds. */
  long[] record(Actor doctor, Random random, LocalDate today) {
    List<Long> enrolments =
        jdbc.sql(
                "SELECT id FROM chronic.enrolment WHERE created_by = 'bench'"
                    + " AND disease = 'HYPERTENSION' ORDER BY id")
            .query(Long.class)
            .list();
    long[] follow = new long[500];
    for (int i = 0; i < follow.length; i++) {
      long id = enrolments.get(random.nextInt(enrolments.size()));
      boolean ok = random.nextDouble() < 0.6;
      var req = request(id, today, ok);
      long a = System.nanoTime();
      try {
        care.recordFollowUp(doctor, req);
      } catch (org.countyhealth.shared.BusinessException e) {
        // Diabetes patients need a glucose value; those draws are simply skipped.
      }
      follow[i] = System.nanoTime() - a;
    }
    return follow;
  }

  private static FollowUpRequest request(long enrolment, LocalDate today, boolean ok) {
    return new FollowUpRequest(
        enrolment,
        today,
        VisitMode.CLINIC,
        Set.of(),
        null,
        Discomfort.NONE,
        ok ? 128 : 152,
        ok ? 80 : 92,
        new java.math.BigDecimal("68"),
        new java.math.BigDecimal("165"),
        72,
        null,
        null,
        null,
        0,
        0,
        5,
        30,
        "LIGHT",
        null,
        Adherence.REGULAR,
        Adverse.NONE,
        false,
        false,
        "氨氯地平 5mg qd",
        false,
        null,
        null);
  }
}
