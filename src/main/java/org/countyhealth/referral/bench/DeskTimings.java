package org.countyhealth.referral.bench;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.domain.NewReferral;
import org.countyhealth.referral.domain.ReferralDesk;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Submit and accept through the desk, timed: real residents, a slot of large capacity. */
final class DeskTimings {

  /** The time of every submit and of every accept, in nanoseconds. */
  record Timed(List<Long> submit, List<Long> accept) {}

  private final JdbcClient jdbc;
  private final ReferralDesk desk;

  DeskTimings(JdbcClient jdbc, ReferralDesk desk) {
    this.jdbc = jdbc;
    this.desk = desk;
  }

  /** Up to 500 residents without an open upward referral, referred from their township. */
  Timed run(String lead, List<String> townships, long slot) {
    List<Long> submit = new ArrayList<>();
    List<Long> accept = new ArrayList<>();
    List<Long> residents =
        jdbc.sql(
                "SELECT r.id FROM residents.resident r WHERE NOT EXISTS (SELECT 1 FROM"
                    + " referral.open_slot o WHERE o.resident_id = r.id AND o.direction = 'UP')"
                    + " ORDER BY r.id LIMIT 500")
            .query(Long.class)
            .list();
    for (long resident : residents) {
      String from = townships.get((int) (resident % townships.size()));
      long s = System.nanoTime();
      long id = desk.create(referral(resident, from, lead), null, "基准测试", true, null, now());
      submit.add(System.nanoTime() - s);
      desk.receive(id, "基准测试", now());
      s = System.nanoTime();
      desk.accept(id, slot, "基准测试", now());
      accept.add(System.nanoTime() - s);
    }
    return new Timed(submit, accept);
  }

  private static NewReferral referral(long resident, String from, String lead) {
    return new NewReferral(
        Direction.UP,
        resident,
        from,
        "全科",
        lead,
        "心血管内科",
        "明确诊断",
        "血压控制不满意。",
        "I10",
        "原发性高血压",
        List.of("HTN_UP_4"),
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static LocalDateTime now() {
    return LocalDateTime.now();
  }
}
