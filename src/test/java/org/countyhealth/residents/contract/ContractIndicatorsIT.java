package org.countyhealth.residents.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.countyhealth.IntegrationTest;
import org.countyhealth.residents.Contracts;
import org.countyhealth.residents.KeyPopulation;
import org.countyhealth.residents.record.RecordFixtures;
import org.countyhealth.shared.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Indicators on a small fixture whose expected figures are worked out by hand below. */
@IntegrationTest
class ContractIndicatorsIT {

  @Autowired JdbcClient jdbc;
  @Autowired Contracts facade;
  @Autowired ContractService contracts;
  @Autowired ContractIndicators indicators;

  static DataScope scopeOf(String code) {
    return DataScope.of(java.util.Set.of(code));
  }

  @Test
  void coverageKeyPopulationCoverageAndRenewalRatePerTownship() {
    RecordFixtures f = new RecordFixtures(jdbc);
    LocalDate today = LocalDate.now();
    // Townships of this test only: other ITs share the database and add residents elsewhere.
    String a = "TREC-IND-A";
    String b = "TREC-IND-B";
    String village = "TREC-IND-A1";
    f.facility(a, "指标甲镇卫生院", "TOWNSHIP_HEALTH_CENTRE", null);
    f.facility(b, "指标乙镇卫生院", "TOWNSHIP_HEALTH_CENTRE", null);
    f.facility(village, "指标甲一村卫生站", "VILLAGE_CLINIC", a);
    long teamA = f.team(a, "甲镇团队");
    long teamB = f.team(b, "乙镇团队");
    long teamX = f.team(RecordFixtures.OUTSIDE, "外镇团队");

    // Township A: five residents.
    long a1 = f.resident("甲一", "1", today.minusYears(70), a, village); // ≥65
    f.resident("甲二", "2", today.minusYears(3), a, null); // child 0–6, no contract
    long a3 = f.resident("甲三", "1", today.minusYears(40), a, null); // hypertension (recorded)
    long a4 = f.resident("甲四", "2", today.minusYears(40), a, null); // contract terminated today
    f.resident("甲五", "1", today.minusYears(30), a, null); // nothing
    // Township B: two residents.
    long b1 = f.resident("乙一", "1", today.minusYears(80), b, null); // ≥65
    f.resident("乙二", "2", today.minusYears(30), b, null);
    // Outside the scope: never counted.
    long x1 = f.resident("外一", "1", today.minusYears(70), RecordFixtures.OUTSIDE, null);

    long c1 = facade.sign(a1, teamA, "ELDERLY", today.minusDays(300), null, "t"); // ends today+64
    facade.renew(c1, null, today, "t"); // renewed: starts today+65
    facade.sign(a3, teamA, "CHRONIC", today.minusDays(100), null, "t"); // ends today+264
    facade.flag(a3, KeyPopulation.HYPERTENSION, "t");
    long c4 = facade.sign(a4, teamA, "BASIC", today.minusDays(200), null, "t");
    contracts.terminate(
        new org.countyhealth.shared.Actor(
            9L,
            "doctor-ind",
            "指标医生",
            null,
            a,
            java.util.Set.of(),
            java.util.Set.of("RESIDENT_VIEW", "RESIDENT_EDIT"),
            scopeOf(a)),
        c4,
        "本人要求解约");
    facade.sign(
        b1, teamB, "ELDERLY", today.minusDays(400), null, "t"); // ended today-36, not renewed
    facade.sign(b1, teamB, "ELDERLY", today.minusDays(10), null, "t"); // new contract, in force
    facade.sign(x1, teamX, "BASIC", today.minusDays(10), null, "t");

    DataScope scope = DataScope.of(java.util.Set.of(a, b, village));
    ContractIndicators.Report report =
        indicators.compute(scope, today, today.minusDays(200), today.plusDays(100));

    // A: residents 5; in force a1, a3 → 2; key a1, 甲二, a3 → 3, of which contracted 2;
    // ending in the period: c1 (renewed). a3's ends after the period; a4's was terminated.
    // B: residents 2; in force b1 → 1; key b1 → 1 contracted; ending: b1's first (not renewed).
    assertThat(report.rows())
        .extracting(
            IndicatorRow::facilityCode,
            IndicatorRow::residents,
            IndicatorRow::contracted,
            IndicatorRow::keyPopulation,
            IndicatorRow::keyContracted,
            IndicatorRow::ending,
            IndicatorRow::renewed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(a, 5L, 2L, 3L, 2L, 1L, 1L),
            org.assertj.core.groups.Tuple.tuple(b, 2L, 1L, 1L, 1L, 1L, 0L));
    assertThat(report.rows().get(0).facilityName()).isEqualTo("指标甲镇卫生院");
    assertThat(report.rows().get(0).coverage()).isEqualByComparingTo("40.0");
    assertThat(report.rows().get(0).keyCoverage()).isEqualByComparingTo("66.7");
    // Total: 3 / 7 = 42.9 %, 3 / 4 = 75.0 %, 1 / 2 = 50.0 %.
    IndicatorRow total = report.total();
    assertThat(total.residents()).isEqualTo(7);
    assertThat(total.coverage()).isEqualByComparingTo("42.9");
    assertThat(total.keyCoverage()).isEqualByComparingTo("75.0");
    assertThat(total.renewalRate()).isEqualByComparingTo("50.0");
  }
}
