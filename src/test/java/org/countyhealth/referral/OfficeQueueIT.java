package org.countyhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.countyhealth.IntegrationTest;
import org.countyhealth.referral.domain.OfficeQueue;
import org.countyhealth.referral.domain.ReferralQueries.Row;
import org.countyhealth.shared.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The office queue in pages: counts from SQL agree with the rows shown, page by page. */
@IntegrationTest
class OfficeQueueIT {

  @Autowired JdbcClient jdbc;
  @Autowired OfficeQueue queue;

  @Test
  void pagesCoverTheWholeQueueAndTheCountsAgreeWithTheRows() {
    ReferralFixtures fx = new ReferralFixtures(jdbc);
    LocalDateTime now = LocalDateTime.now();
    // 60 open up-referrals, some green, some waiting longer than their step allows.
    for (int i = 0; i < 60; i++) {
      String status = i % 3 == 0 ? "SUBMITTED" : i % 3 == 1 ? "RECEIVED" : "ACCEPTED";
      Timestamp started = Timestamp.valueOf(now.minusMinutes(7L * i * i));
      jdbc.sql(
              "INSERT INTO referral.referral (number, direction, status, green_channel,"
                  + " resident_id, original_resident_id, patient_name, sex, age,"
                  + " from_facility_code, to_facility_code, summary, diagnosis_code, indications,"
                  + " requesting_doctor, referral_date, step_started_at, created_by, created_at,"
                  + " updated_at) VALUES (?, 'UP', ?, ?, ?, ?, '队列患者', '1', 60, ?, ?, '摘要',"
                  + " 'I10', 'HTN_UP_4', '医生', ?, ?, 'test', ?, ?)")
          .params(
              "OQ-" + System.nanoTime() + "-" + i,
              status,
              i % 7 == 0,
              800_000_000L + i,
              800_000_000L + i,
              fx.township,
              fx.lead,
              LocalDate.now(),
              started,
              started,
              started)
          .update();
    }
    long open =
        jdbc.sql(
                "SELECT COUNT(*) FROM referral.referral WHERE direction = 'UP' AND status IN"
                    + " ('DRAFTED', 'SUBMITTED', 'APPROVED', 'RECEIVED', 'ACCEPTED', 'ARRIVED',"
                    + " 'TREATED')")
            .query(Long.class)
            .single();

    OfficeQueue.Page first = queue.page(DataScope.consortium(), false, 1, now);
    assertThat(first.total()).isEqualTo(open);
    assertThat(first.rows()).hasSize(OfficeQueue.PAGE_SIZE);
    List<Row> all = new ArrayList<>(first.rows());
    for (int p = 2; p <= first.pages(); p++) {
      all.addAll(queue.page(DataScope.consortium(), false, p, now).rows());
    }
    assertThat(all).hasSize((int) open);
    assertThat(new HashSet<>(all.stream().map(Row::id).toList())).hasSize((int) open);
    assertThat(all.stream().filter(Row::overdue).count()).isEqualTo(first.overdue());
    assertThat(first.overdue()).isPositive();
    // Green channel first, then the longest waiting.
    int lastGreen = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).greenChannel()) {
        lastGreen = i;
      }
    }
    assertThat(all.subList(0, lastGreen + 1)).allMatch(Row::greenChannel);
    // A page past the end shows the last page; another facility's scope sees none of these.
    assertThat(queue.page(DataScope.consortium(), false, 999, now).page()).isEqualTo(first.pages());
    assertThat(queue.page(DataScope.of(List.of(fx.village)), false, 1, now).total()).isZero();
  }
}
