package org.countyhealth.residents.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.countyhealth.IntegrationTest;
import org.countyhealth.residents.Contracts;
import org.countyhealth.residents.KeyPopulation;
import org.countyhealth.residents.record.RecordFixtures;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ContractIT {

  @Autowired JdbcClient jdbc;
  @Autowired ContractService contracts;
  @Autowired Contracts facade;
  @Autowired KeyPopulations populations;

  RecordFixtures fixtures;
  final Actor doctor = RecordFixtures.doctorOfA();
  final LocalDate today = LocalDate.now();
  long team;

  @BeforeEach
  void fixtures() {
    fixtures = new RecordFixtures(jdbc);
    team = fixtures.team(RecordFixtures.TOWNSHIP_A, "甲镇一团队");
  }

  long count(long resident) {
    return jdbc.sql("SELECT COUNT(*) FROM residents.contract WHERE resident_id = ?")
        .param(resident)
        .query(Long.class)
        .single();
  }

  @Test
  void atMostOneContractInForcePerResident() {
    long resident =
        fixtures.resident("周敏", "2", LocalDate.of(1990, 1, 1), RecordFixtures.TOWNSHIP_A, null);
    long id = contracts.sign(doctor, resident, team, "BASIC", today, null);
    ContractView signed = contracts.list(doctor, resident).get(0);
    assertThat(signed.end()).isEqualTo(today.minusDays(1).plusYears(1));
    assertThat(signed.state()).isEqualTo("履约中");

    assertThatThrownBy(
            () -> contracts.sign(doctor, resident, team, "CHRONIC", today.plusMonths(2), null))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> assertThat(e.code()).isEqualTo("CONTRACT_ALREADY_ACTIVE"));
    assertThat(count(resident)).isEqualTo(1);

    contracts.terminate(doctor, id, "迁出本辖区");
    ContractView ended = contracts.list(doctor, resident).get(0);
    assertThat(ended.status()).isEqualTo("TERMINATED");
    assertThat(ended.effectiveEnd()).isEqualTo(today.minusDays(1));
    assertThat(ended.terminationReason()).isEqualTo("迁出本辖区");
    // Once terminated, a new contract may start today.
    contracts.sign(doctor, resident, team, "BASIC", today, null);
    assertThat(count(resident)).isEqualTo(2);
  }

  @Test
  void renewalIsLinkedAndFollowsThePreviousPeriod() {
    long resident =
        fixtures.resident("吴刚", "1", LocalDate.of(1950, 1, 1), RecordFixtures.TOWNSHIP_A, null);
    long first = facade.sign(resident, team, "ELDERLY", today.minusDays(300), null, "test");
    ContractView previous = contracts.list(doctor, resident).get(0);

    long renewal = contracts.renew(doctor, first, null);

    ContractView next =
        contracts.list(doctor, resident).stream()
            .filter(c -> c.id() == renewal)
            .findFirst()
            .orElseThrow();
    assertThat(next.previousId()).isEqualTo(first);
    assertThat(next.start()).isEqualTo(previous.end().plusDays(1));
    assertThat(next.packageCode()).isEqualTo("ELDERLY");
    assertThat(next.state()).isEqualTo("未生效");
    assertThatThrownBy(() -> contracts.renew(doctor, first, null))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> assertThat(e.code()).isEqualTo("CONTRACT_ALREADY_RENEWED"));
    assertThatThrownBy(() -> contracts.renew(doctor, renewal, null))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> assertThat(e.code()).isEqualTo("CONTRACT_RENEWAL_TOO_EARLY"));
  }

  @Test
  void refusesUnknownPackagesAndTeamsOutsideTheScope() {
    long resident =
        fixtures.resident("郑洁", "2", LocalDate.of(1990, 1, 1), RecordFixtures.TOWNSHIP_A, null);
    long outsideTeam = fixtures.team(RecordFixtures.OUTSIDE, "外镇团队");
    assertThatThrownBy(() -> contracts.sign(doctor, resident, team, "VIP", today, null))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> assertThat(e.code()).isEqualTo("SERVICE_PACKAGE_UNKNOWN"));
    assertThatThrownBy(() -> contracts.sign(doctor, resident, outsideTeam, "BASIC", today, null))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("TEAM_NOT_FOUND"));
    assertThat(count(resident)).isZero();
  }

  @Test
  void keyPopulationsAreComputedFromAgeOrRecorded() {
    long child =
        fixtures.resident("孙小宝", "1", today.minusYears(3), RecordFixtures.TOWNSHIP_A, null);
    long adult =
        fixtures.resident("孙丽", "2", today.minusYears(30), RecordFixtures.TOWNSHIP_A, null);
    assertThat(facade.keyPopulations(child, today)).containsExactly(KeyPopulation.CHILD_0_6);
    assertThat(facade.keyPopulations(adult, today)).isEmpty();
    populations.record(doctor, adult, "PREGNANT");
    assertThat(facade.keyPopulations(adult, today)).containsExactly(KeyPopulation.PREGNANT);
    assertThatThrownBy(() -> populations.record(doctor, adult, "ELDERLY_65"))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> assertThat(e.code()).isEqualTo("KEY_POPULATION_AGE_BASED"));
    assertThatThrownBy(() -> populations.record(doctor, adult, "PREGNANT"))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> assertThat(e.code()).isEqualTo("KEY_POPULATION_DUPLICATE"));
  }
}
