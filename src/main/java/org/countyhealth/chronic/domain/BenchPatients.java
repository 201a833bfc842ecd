package org.countyhealth.chronic.domain;

import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chronic benchmark's patients, loaded around the services in JDBC batches of 5,000: residents
 * of the village clinics, their enrolments (created by {@code bench}) and a year of follow-ups.
 */
final class BenchPatients {

  private static final int CHUNK = 5000;

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  BenchPatients(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * N residents, an enrolment each (about a quarter diabetes) and four follow-ups 91 days apart.
   */
  void load(int n, List<String[]> clinics, Random random, LocalDate today) {
    LocalDateTime now = LocalDateTime.now();
    long firstResident =
        jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM residents.resident").query(Long.class).single();
    residents(n, clinics, random, today, now);
    enrol(firstResident, random, today, now);
    followUps(random);
  }

  private void residents(
      int n, List<String[]> clinics, Random random, LocalDate today, LocalDateTime now) {
    for (int from = 0; from < n; from += CHUNK) {
      int size = Math.min(CHUNK, n - from);
      List<Object[]> residents = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        String[] c = clinics.get(random.nextInt(clinics.size()));
        residents.add(
            new Object[] {
              "基准" + (from + i),
              random.nextBoolean() ? "1" : "2",
              Date.valueOf(
                  today.minusYears(36 + random.nextInt(50)).minusDays(random.nextInt(365))),
              c[0],
              c[1],
              c[0],
              now,
              now
            });
      }
      batch.batchUpdate(
          "INSERT INTO residents.resident (name, sex, birth_date, village_clinic_code, township_code,"
              + " facility_code, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          residents);
    }
  }

  private void enrol(long firstResident, Random random, LocalDate today, LocalDateTime now) {
    List<Object[]> people =
        jdbc.sql(
                "SELECT id, facility_code FROM residents.resident WHERE id > ? AND name LIKE '基准%'"
                    + " ORDER BY id")
            .param(firstResident)
            .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .list();
    String[] grades = {"GREEN", "GREEN", "YELLOW", "RED"};
    for (int from = 0; from < people.size(); from += CHUNK) {
      List<Object[]> rows = new ArrayList<>();
      for (Object[] p : people.subList(from, Math.min(people.size(), from + CHUNK))) {
        boolean dm = random.nextDouble() < 0.25;
        String grade = grades[random.nextInt(grades.length)];
        String level =
            dm
                ? (grade.equals("GREEN") ? "常规管理" : "强化管理")
                : switch (grade) {
                  case "GREEN" -> "一级管理";
                  case "YELLOW" -> "二级管理";
                  default -> "三级管理";
                };
        LocalDate last = today.minusDays(random.nextInt(120));
        rows.add(
            new Object[] {
              p[0],
              p[0],
              dm ? "DIABETES" : "HYPERTENSION",
              Date.valueOf(today.minusYears(2)),
              p[1],
              grade,
              level,
              p[1],
              Date.valueOf(last),
              Date.valueOf(last.plusDays(random.nextBoolean() ? 90 : 14)),
              now
            });
      }
      batch.batchUpdate(
          "INSERT INTO chronic.enrolment (resident_id, original_resident_id, disease, enrolled_on,"
              + " diagnosing_facility_code, grade, management_level, responsible_facility_code,"
              + " last_visit_on, next_visit_on, created_by, created_at)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)",
          rows);
    }
  }

  private void followUps(Random random) {
    List<Object[]> enrolled =
        jdbc.sql(
                "SELECT id, resident_id, disease, responsible_facility_code, last_visit_on"
                    + " FROM chronic.enrolment WHERE created_by = 'bench' ORDER BY id")
            .query(
                (rs, i) ->
                    new Object[] {
                      rs.getLong(1),
                      rs.getLong(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getObject(5, LocalDate.class)
                    })
            .list();
    List<Object[]> visits = new ArrayList<>();
    for (Object[] e : enrolled) {
      boolean dm = "DIABETES".equals(e[2]);
      for (int k = 3; k >= 0; k--) {
        LocalDate on = ((LocalDate) e[4]).minusDays(91L * k);
        boolean ok = random.nextDouble() < 0.6;
        int sys = ok ? 118 + random.nextInt(20) : 142 + random.nextInt(30);
        visits.add(
            new Object[] {
              e[0],
              e[1],
              e[1],
              e[2],
              Date.valueOf(on),
              random.nextDouble() < 0.85 ? "CLINIC" : "HOME",
              e[3],
              sys,
              ok ? 78 : 94,
              dm ? new java.math.BigDecimal(ok ? "6.1" : "8.4") : null,
              ok,
              ok ? "CONTROLLED" : "FIRST_UNCONTROLLED",
              ok ? "GREEN" : "YELLOW",
              Date.valueOf(on.plusDays(ok ? 90 : 14)),
              LocalDateTime.now()
            });
        if (visits.size() == CHUNK) {
          insertVisits(visits);
          visits.clear();
        }
      }
    }
    insertVisits(visits);
  }

  private void insertVisits(List<Object[]> visits) {
    if (visits.isEmpty()) {
      return;
    }
    batch.batchUpdate(
        "INSERT INTO chronic.follow_up (enrolment_id, resident_id, original_resident_id, disease,"
            + " visit_on, mode, facility_code, discomfort, systolic, diastolic, fasting_glucose,"
            + " adherence, adverse, controlled, classification, grade, next_visit_on, created_by,"
            + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'NONE', ?, ?, ?, 'REGULAR', 'NONE', ?, ?, ?,"
            + " ?, 'bench', ?)",
        visits);
  }
}
