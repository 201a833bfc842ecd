package org.countyhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.countyhealth.IntegrationTest;
import org.countyhealth.demo.DemoReferrals;
import org.countyhealth.referral.domain.ReferralDesk;
import org.countyhealth.referral.domain.ResourcePool;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DemoReferralsIT {

  @Autowired JdbcClient jdbc;
  @Autowired ReferralDesk desk;
  @Autowired ResourcePool pool;

  @Test
  void aYearThroughEveryPath() {
    ReferralFixtures fx = new ReferralFixtures(jdbc);
    List<Long> residents = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      residents.add(fx.resident("演示"));
    }
    List<String> county =
        jdbc.sql(
                "SELECT licence_code FROM organization.facility WHERE type IN"
                    + " ('LEAD_HOSPITAL', 'COUNTY_TCM_HOSPITAL', 'COUNTY_GENERAL_HOSPITAL')"
                    + " AND licence_code LIKE 'ZJ%' ORDER BY type DESC")
            .query(String.class)
            .list();
    county = new ArrayList<>(county);
    county.remove(fx.lead);
    county.add(0, fx.lead);
    long before = fx.count("referral");
    int created =
        new DemoReferrals(desk, pool)
            .createYear(
                new Random(7),
                residents,
                List.of(fx.township, fx.otherTownship),
                county,
                fx.external,
                LocalDate.of(2024, 6, 30),
                1);
    assertThat(created).isGreaterThan(300);
    assertThat(fx.count("referral") - before).isEqualTo(created);
    List<String> statuses =
        jdbc.sql("SELECT DISTINCT status FROM referral.referral WHERE source_module = 'demo'")
            .query(String.class)
            .list();
    assertThat(statuses)
        .contains("CLOSED", "DOWN_REFERRED", "DECLINED", "CANCELLED", "SUBMITTED", "ACCEPTED");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM referral.referral WHERE source_module = 'demo' AND out_of_county")
                .query(Long.class)
                .single())
        .isPositive();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM referral.referral WHERE source_module = 'demo' AND green_channel")
                .query(Long.class)
                .single())
        .isPositive();
  }
}
