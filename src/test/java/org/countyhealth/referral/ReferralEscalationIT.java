package org.countyhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.countyhealth.IntegrationTest;
import org.countyhealth.organization.TestActors;
import org.countyhealth.referral.domain.NewReferral;
import org.countyhealth.referral.domain.ReferralDesk;
import org.countyhealth.referral.domain.ReferralEscalations;
import org.countyhealth.referral.domain.ReferralQueries;
import org.countyhealth.referral.domain.ReferralQueries.Side;
import org.countyhealth.shared.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ReferralEscalationIT {

  @Autowired JdbcClient jdbc;
  @Autowired ReferralDesk desk;
  @Autowired ReferralEscalations escalations;
  @Autowired ReferralQueries queries;
  @Autowired MockMvc mvc;

  static Instant at(LocalDateTime t) {
    return t.atZone(ZoneId.systemDefault()).toInstant();
  }

  NewReferral up(ReferralFixtures fx, long resident, String indication) {
    return new NewReferral(
        Direction.UP,
        resident,
        fx.township,
        "全科",
        fx.lead,
        "心血管内科",
        "明确诊断",
        "血压控制不满意。",
        "I10",
        "原发性高血压",
        List.of(indication),
        false,
        null,
        "MZ0009",
        null,
        null,
        null,
        null,
        null);
  }

  List<String> escalations(long id) {
    return jdbc.sql(
            "SELECT step || ':' || notified FROM referral.escalation WHERE referral_id = ?"
                + " ORDER BY escalated_at")
        .param(id)
        .query(String.class)
        .list();
  }

  @Test
  void overdueStepsAreEscalatedOnceEachAndShownInTheQueue() throws Exception {
    ReferralFixtures fx = new ReferralFixtures(jdbc);
    LocalDateTime start = LocalDateTime.now().minusDays(3).truncatedTo(ChronoUnit.MINUTES);
    long normal =
        desk.create(up(fx, fx.resident("钟明"), "HTN_UP_4"), null, "李医生", true, null, start);
    long green = desk.create(up(fx, fx.resident("叶红"), "HTN_UP_1"), null, "李医生", true, null, start);

    // Green channel: 10 minutes to receive. At minute 10 nothing; at minute 11 only the green one.
    escalations.escalate(at(start.plusMinutes(10)));
    assertThat(escalations(green)).isEmpty();
    escalations.escalate(at(start.plusMinutes(11)));
    assertThat(escalations(green)).containsExactly("OFFICE_RECEIVE:OFFICE_HEAD");
    assertThat(escalations(normal)).isEmpty();

    // Normal: 2 hours to receive; running again never escalates the same step twice.
    escalations.escalate(at(start.plusMinutes(121)));
    escalations.escalate(at(start.plusMinutes(200)));
    assertThat(escalations(normal)).containsExactly("OFFICE_RECEIVE:OFFICE_HEAD");
    assertThat(escalations(green)).hasSize(1);
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM referral.history WHERE referral_id = ?"
                        + " AND action = 'ESCALATED'")
                .param(normal)
                .query(String.class)
                .list())
        .singleElement()
        .asString()
        .contains("转诊办接收", "双向转诊办公室主任");

    // The office queue badges it and its filter keeps only escalated referrals.
    Actor office = ReferralFixtures.officeOf(fx.lead);
    assertThat(queries.list(office.scope(), Side.RECEIVED, Direction.UP, true, true))
        .extracting(ReferralQueries.Row::id)
        .contains(normal, green);
    String page =
        mvc.perform(
                get("/referrals/office")
                    .param("filter", "escalated")
                    .with(authentication(TestActors.authentication(office))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("已超时并升级（双向转诊办公室主任）");

    // Received: the next step (decide within 24 h) is a new step and escalates once in its turn.
    LocalDateTime received = start.plusHours(3);
    desk.receive(normal, "转诊办", received);
    assertThat(queries.list(office.scope(), Side.RECEIVED, Direction.UP, true, true))
        .extracting(ReferralQueries.Row::id)
        .doesNotContain(normal);
    escalations.escalate(at(received.plusHours(24)));
    assertThat(escalations(normal)).hasSize(1);
    escalations.escalate(at(received.plusHours(24).plusMinutes(1)));
    escalations.escalate(at(received.plusHours(30)));
    assertThat(escalations(normal))
        .containsExactly("OFFICE_RECEIVE:OFFICE_HEAD", "OFFICE_DECIDE:OFFICE_HEAD");
  }

  @Test
  void theSendingDoctorSeesAnOverdueResultFollowUp() {
    ReferralFixtures fx = new ReferralFixtures(jdbc);
    LocalDateTime old = LocalDateTime.now().minusDays(15);
    long late = desk.create(up(fx, fx.resident("罗平"), "HTN_UP_4"), null, "李医生", true, null, old);
    long fresh =
        desk.create(
            up(fx, fx.resident("罗安"), "HTN_UP_4"),
            null,
            "李医生",
            true,
            null,
            LocalDateTime.now().minusDays(13));
    Actor doctor = ReferralFixtures.doctorOf(fx.township);
    var rows = queries.list(doctor.scope(), Side.SENT, null, false);
    assertThat(rows)
        .filteredOn(r -> r.id() == late)
        .singleElement()
        .matches(r -> r.resultOverdue());
    assertThat(rows)
        .filteredOn(r -> r.id() == fresh)
        .singleElement()
        .matches(r -> !r.resultOverdue());
  }
}
