package org.countyhealth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.countyhealth.IntegrationTest;
import org.countyhealth.residents.Contracts;
import org.countyhealth.residents.HealthRecords;
import org.countyhealth.residents.record.RecordFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DemoContractsIT {

  @Autowired JdbcClient jdbc;
  @Autowired Contracts contracts;
  @Autowired HealthRecords records;

  @Test
  void aboutSixtyPercentSignMoreAmongKeyPopulationsAndEveryElderHasACheckUp() {
    RecordFixtures f = new RecordFixtures(jdbc);
    String township = "TREC-DEMO";
    f.facility(township, "演示镇卫生院", "TOWNSHIP_HEALTH_CENTRE", null);
    long team = f.team(township, "演示团队");
    LocalDate today = LocalDate.now();
    Random random = new Random(20261122);
    List<Long> elders = new ArrayList<>();
    List<Long> others = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int age = random.nextInt(90);
      long id =
          f.resident(
              "演示",
              i % 2 == 0 ? "1" : "2",
              today.minusYears(age).minusDays(random.nextInt(300)),
              township,
              null);
      (age >= 65 ? elders : others).add(id);
    }
    List<Long> all = new ArrayList<>(elders);
    all.addAll(others);

    int signed =
        new DemoContracts(contracts, records).create(all, List.of(team), new Random(7), today);

    assertThat(signed).isBetween(150, 210); // ≈ 60 % of 300
    long elderSigned = countIn("residents.contract", elders);
    long elderCheckUps = countIn("residents.check_up", elders);
    assertThat(elderCheckUps).isEqualTo(elders.size());
    assertThat(countIn("residents.check_up", others)).isZero();
    assertThat((double) distinctIn(elders) / elders.size())
        .isGreaterThan((double) distinctIn(others) / others.size());
    assertThat(elderSigned).isPositive();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM residents.contract WHERE previous_id IS NOT NULL AND team_id = ?")
                .param(team)
                .query(Long.class)
                .single())
        .as("some contracts renewed")
        .isPositive();
  }

  long countIn(String table, List<Long> ids) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE resident_id IN (:ids)")
        .param("ids", ids)
        .query(Long.class)
        .single();
  }

  long distinctIn(List<Long> ids) {
    return jdbc.sql(
            "SELECT COUNT(DISTINCT resident_id) FROM residents.contract WHERE resident_id IN (:ids)")
        .param("ids", ids)
        .query(Long.class)
        .single();
  }
}
