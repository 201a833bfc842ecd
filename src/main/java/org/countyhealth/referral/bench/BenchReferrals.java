package org.countyhealth.referral.bench;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The referral benchmark's data: waits for the demo county, bulk-loads a year of referrals around
 * the desk (JDBC batches) and opens a clinic slot of large capacity for the accepts.
 */
final class BenchReferrals {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  BenchReferrals(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** The demo county is built after start-up: wait until its residents stop growing. */
  void awaitDemoCounty() throws InterruptedException {
    long last = -1;
    for (int i = 0; i < 600; i++) {
      long lead =
          jdbc.sql("SELECT COUNT(*) FROM organization.facility WHERE type = 'LEAD_HOSPITAL'")
              .query(Long.class)
              .single();
      long residents =
          jdbc.sql("SELECT COUNT(*) FROM residents.resident").query(Long.class).single();
      if (lead > 0 && residents > 0 && residents == last) {
        return;
      }
      last = residents;
      Thread.sleep(5000);
    }
    throw new IllegalStateException("the demo county did not appear");
  }

  /** A year of referrals from the townships to the lead hospital, mostly finished. */
  void load(int n, String lead, List<String> townships) {
    Random random = new Random(20261122L);
    LocalDate today = LocalDate.now();
    String[] statuses = {
      "CLOSED", "CLOSED", "CLOSED", "CLOSED", "DOWN_REFERRED", "DECLINED", "CANCELLED"
    };
    int batch = 1000;
    List<Object[]> rows = new ArrayList<>(batch);
    long base = 900_000_000L;
    for (int i = 0; i < n; i++) {
      LocalDate day = today.minusDays(1 + random.nextInt(365));
      LocalDateTime at = day.atTime(8 + random.nextInt(10), random.nextInt(60));
      // The last 0.5 % stay open in the office's queue.
      String status =
          i >= n - n / 200
              ? (i % 2 == 0 ? "SUBMITTED" : "RECEIVED")
              : statuses[random.nextInt(statuses.length)];
      String from = townships.get(random.nextInt(townships.size()));
      Timestamp ts = Timestamp.valueOf(at);
      rows.add(
          new Object[] {
            String.format("BN-%d-%07d", day.getYear(), i),
            status,
            random.nextInt(20) == 0,
            base + i,
            base + i,
            "基准患者" + i,
            random.nextBoolean() ? "1" : "2",
            40 + random.nextInt(45),
            from,
            lead,
            "血压控制不满意。",
            "I10",
            "HTN_UP_4",
            "基准医生",
            java.sql.Date.valueOf(day),
            ts,
            java.sql.Date.valueOf(day.plusDays(14)),
            ts,
            ts,
            ts
          });
      if (rows.size() == batch || i == n - 1) {
        template.batchUpdate(
            "INSERT INTO referral.referral (number, direction, status, green_channel, resident_id,"
                + " original_resident_id, patient_name, sex, age, from_facility_code,"
                + " to_facility_code, summary, diagnosis_code, indications, requesting_doctor,"
                + " referral_date, step_started_at, result_due_on, submitted_at, created_by,"
                + " created_at, updated_at) VALUES (?, 'UP', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?, 'bench', ?, ?)",
            rows);
        rows.clear();
      }
    }
    template.update(
        "INSERT INTO referral.open_slot (resident_id, direction, number) SELECT resident_id,"
            + " 'UP', number FROM referral.referral WHERE number LIKE 'BN-%' AND status IN"
            + " ('SUBMITTED', 'RECEIVED')");
  }

  /** A clinic slot of the lead hospital that will not run out during the benchmark. */
  long slot(String facility) {
    jdbc.sql(
            "INSERT INTO referral.resource (facility_code, kind, department, name, starts_at,"
                + " capacity) VALUES (?, 'CLINIC_SLOT', '心血管内科', '基准测试号源', ?, 100000)")
        .params(facility, LocalDateTime.now().plusDays(1))
        .update();
    return jdbc.sql("SELECT MAX(id) FROM referral.resource").query(Long.class).single();
  }
}
