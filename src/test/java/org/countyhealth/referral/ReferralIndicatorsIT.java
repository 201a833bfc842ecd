package org.countyhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.countyhealth.IntegrationTest;
import org.countyhealth.referral.domain.NewReferral;
import org.countyhealth.referral.domain.Referral;
import org.countyhealth.referral.domain.ReferralDesk;
import org.countyhealth.referral.domain.ReferralIndicators;
import org.countyhealth.shared.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ReferralIndicatorsIT {

  @Autowired JdbcClient jdbc;
  @Autowired ReferralDesk desk;
  @Autowired ReferralIndicators indicators;

  NewReferral general(ReferralFixtures fx, String name, String indication, String source) {
    return new NewReferral(
        Direction.UP,
        fx.resident(name),
        fx.otherTownship,
        null,
        fx.lead,
        null,
        null,
        "摘要",
        "R51",
        null,
        List.of(indication),
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        source);
  }

  @Test
  void countsSharesAndMediansPerFacilityAndMonth() {
    ReferralFixtures fx = new ReferralFixtures(jdbc);
    LocalDateTime t = LocalDateTime.of(2025, 3, 10, 9, 0);
    NewReferral up =
        new NewReferral(
            Direction.UP,
            fx.resident("甲"),
            fx.otherTownship,
            null,
            fx.lead,
            null,
            null,
            "摘要",
            "I10",
            null,
            List.of("HTN_UP_4"),
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    long a = desk.create(up, null, "医生", true, null, t);
    desk.receive(a, "转诊办", t.plusMinutes(10));
    desk.accept(a, fx.slot(fx.lead), "转诊办", t.plusMinutes(30));
    desk.arrive(a, "门诊", t.plusMinutes(150));
    desk.treat(a, Referral.CareMode.OUTPATIENT, "门诊", t.plusHours(3));
    desk.close(a, Referral.Outcome.IMPROVED, "门诊", t.plusHours(4));
    desk.recordResult(a, "已好转", "医生", t.plusDays(5));
    long b =
        desk.create(
            new NewReferral(
                Direction.UP,
                fx.resident("乙"),
                fx.otherTownship,
                null,
                fx.lead,
                null,
                null,
                "摘要",
                "E11.9",
                null,
                List.of("DM_UP_9"),
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null),
            null,
            "医生",
            true,
            null,
            t.plusDays(1));
    desk.receive(b, "转诊办", t.plusDays(1).plusMinutes(5));
    desk.decline(b, "专科满员", "转诊办", t.plusDays(1).plusMinutes(50));
    // Not chronic: a general indication, followed up in time; it must not count.
    long c = desk.create(general(fx, "丁", "GEN_UP_4", null), null, "医生", true, null, t.plusDays(1));
    desk.recordResult(c, "已诊治", "医生", t.plusDays(3));
    // Chronic by its source, with a general indication; never followed up.
    desk.create(general(fx, "戊", "GEN_UP_3", "chronic"), null, "医生", true, null, t.plusDays(1));
    long d =
        desk.create(
            new NewReferral(
                Direction.DOWN,
                fx.resident("丙"),
                fx.lead,
                null,
                fx.otherTownship,
                null,
                null,
                "稳定",
                "I10",
                null,
                List.of("HTN_DOWN_2"),
                false,
                "患者居住在该镇",
                null,
                "小结",
                "方案",
                null,
                "电话",
                null),
            null,
            "专科医生",
            true,
            null,
            t.plusDays(2));
    desk.approve(d, "同意", "科主任", t.plusDays(2).plusHours(1));
    desk.receive(d, "卫生院", t.plusDays(2).plusHours(5));
    desk.confirmBack(d, "卫生院", t.plusDays(3));

    List<ReferralIndicators.Row> rows =
        indicators.perFacilityAndMonth(
            DataScope.consortium(), LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
    ReferralIndicators.Row town =
        rows.stream()
            .filter(r -> r.facilityCode().equals(fx.otherTownship))
            .findFirst()
            .orElseThrow();
    assertThat(town.up()).isEqualTo(4);
    assertThat(town.down()).isZero();
    assertThat(town.acceptedShare()).isEqualTo(50.0);
    assertThat(town.medianAcceptMinutes()).isEqualTo(30.0);
    assertThat(town.medianArrivalHours()).isEqualTo(2.0);
    // Chronic up-referrals a (followed up in time), b and 戊 (not): 1 of 3.
    assertThat(town.resultOnTimeShare()).isEqualTo(33.3);
    ReferralIndicators.Row lead =
        rows.stream().filter(r -> r.facilityCode().equals(fx.lead)).findFirst().orElseThrow();
    assertThat(lead.down()).isEqualTo(1);
    assertThat(lead.downConfirmedShare()).isEqualTo(100.0);
    // A township's scope sees only its own rows.
    assertThat(
            indicators.perFacilityAndMonth(
                DataScope.of(List.of(fx.otherTownship)),
                LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 3, 31)))
        .extracting(ReferralIndicators.Row::facilityCode)
        .containsOnly(fx.otherTownship);
  }
}
