package org.countyhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.countyhealth.IntegrationTest;
import org.countyhealth.organization.TestActors;
import org.countyhealth.referral.domain.ReferralService;
import org.countyhealth.shared.Actor;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ReferralPagesIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ReferralService service;

  @Test
  void formQueuePrintAndResidentPage() throws Exception {
    ReferralFixtures fx = new ReferralFixtures(jdbc);
    Actor doctor = ReferralFixtures.doctorOf(fx.township);
    Actor office = ReferralFixtures.officeOf(fx.lead);
    long patient = fx.resident("周杰");
    long before = fx.count("referral");

    // A missing indication: the form comes back with the message beside the checklist.
    mvc.perform(
            post("/referrals")
                .with(csrf())
                .with(authentication(TestActors.authentication(doctor)))
                .param("residentId", String.valueOf(patient))
                .param("summary", "头晕一周")
                .param("diagnosisCode", "I10"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("上转请至少勾选一项上转指征")))
        .andExpect(content().string(Matchers.containsString("初诊疑为继发性高血压的患者。")));
    assertThat(fx.count("referral")).isEqualTo(before);

    mvc.perform(
            post("/referrals")
                .with(csrf())
                .with(authentication(TestActors.authentication(doctor)))
                .param("residentId", String.valueOf(patient))
                .param("summary", "头晕一周")
                .param("diagnosisCode", "I10")
                .param("indications", "HTN_UP_3"))
        .andExpect(status().is3xxRedirection());
    long id = jdbc.sql("SELECT MAX(id) FROM referral.referral").query(Long.class).single();
    String number =
        jdbc.sql("SELECT number FROM referral.referral WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();

    mvc.perform(get("/referrals/office").with(authentication(TestActors.authentication(office))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(number)));
    // Another township's scope does not see it, neither in its list nor by id.
    Actor other = ReferralFixtures.doctorOf(fx.otherTownship);
    mvc.perform(get("/referrals").with(authentication(TestActors.authentication(other))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString(number))));
    mvc.perform(get("/referrals/" + id).with(authentication(TestActors.authentication(other))))
        .andExpect(status().isNotFound());

    mvc.perform(
            post("/referrals/" + id + "/receive")
                .with(csrf())
                .with(authentication(TestActors.authentication(office))))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post("/referrals/" + id + "/accept")
                .with(csrf())
                .with(authentication(TestActors.authentication(office))))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("SELECT status FROM referral.referral WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("RECEIVED");

    fx.slot(fx.lead);
    mvc.perform(get("/referrals/" + id).with(authentication(TestActors.authentication(office))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("接受并预约")))
        .andExpect(content().string(Matchers.containsString("高血压专家门诊")));
    mvc.perform(get("/referrals/" + id).with(authentication(TestActors.authentication(doctor))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("取消转诊")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("接受并预约"))));
    mvc.perform(
            get("/referrals/indicators").with(authentication(TestActors.authentication(office))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("referral-chart")));
    mvc.perform(
            get("/referrals/incoming")
                .param("direction", "DOWN")
                .with(authentication(TestActors.authentication(doctor))))
        .andExpect(status().isOk());
    mvc.perform(
            post("/referrals/resources")
                .with(csrf())
                .with(authentication(TestActors.authentication(office)))
                .param("kind", "BED")
                .param("department", "心内科")
                .param("name", "心内科协同病房床位")
                .param("startsAt", java.time.LocalDateTime.now().plusDays(2).withNano(0).toString())
                .param("capacity", "3"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/referrals/resources").with(authentication(TestActors.authentication(office))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("心内科协同病房床位")));
    mvc.perform(get("/referrals/new").with(authentication(TestActors.authentication(doctor))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("酮症酸")));

    mvc.perform(
            get("/referrals/" + id + "/print")
                .with(authentication(TestActors.authentication(doctor))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("转诊单（存根）")))
        .andExpect(content().string(Matchers.containsString("病情转归")))
        .andExpect(content().string(Matchers.containsString("科室主任意见及签名")));
    mvc.perform(
            get("/residents/" + patient + "/referrals")
                .with(authentication(TestActors.authentication(doctor))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(number)));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit.audit_event WHERE action = 'REFERRAL_SUBMIT'")
                .query(Long.class)
                .single())
        .isGreaterThan(0);
  }

  @Test
  void pagesNeedAReferralPrivilege() throws Exception {
    Actor nobody =
        TestActors.actor(
            "nobody",
            "",
            org.countyhealth.shared.DataScope.consortium(),
            org.countyhealth.shared.Privilege.FACILITY_VIEW);
    mvc.perform(get("/referrals/office").with(authentication(TestActors.authentication(nobody))))
        .andExpect(status().isForbidden());
    assertThat(List.of()).isEmpty();
  }
}
