package org.countyhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.countyhealth.IntegrationTest;
import org.countyhealth.referral.domain.ReferralService;
import org.countyhealth.security.SecurityTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * The county side of a referral with the demo accounts (000_65944b5c5b97f013.txt lines 602–610):
 * the specialist records arrival and treatment and writes the down-referral, but only the
 * department head approves it, and never a proposal of their own.
 */
@IntegrationTest
class ReferralRolesIT {

  static final String PASSWORD = "Zijin#County2026";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ReferralService referralService;

  ReferralFixtures fx;
  SignedReferralService service;
  MockHttpSession specialist;
  MockHttpSession head;

  @BeforeEach
  void signIn() throws Exception {
    fx = new ReferralFixtures(jdbc);
    service = new SignedReferralService(referralService);
    specialist = SecurityTestSupport.login(mvc, "specialist", PASSWORD);
    head = SecurityTestSupport.login(mvc, "depthead", PASSWORD);
  }

  @AfterEach
  void signOut() throws Exception {
    for (MockHttpSession s : List.of(specialist, head)) {
      mvc.perform(post("/logout").session(s).with(csrf()));
    }
  }

  MockHttpServletRequestBuilder as(MockHttpSession session, String path, String body) {
    return post(path)
        .session(session)
        .with(csrf())
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON)
        .content(body);
  }

  /** An up-referral to the lead hospital, accepted by the office, treated as an inpatient. */
  long treatedBy(MockHttpSession doctor, String name) throws Exception {
    long patient = fx.resident(name);
    long id =
        service.create(ReferralFixtures.doctorOf(fx.township), fx.hypertensionUp(patient), true);
    var office = ReferralFixtures.officeOf(fx.lead);
    service.receive(office, id);
    service.accept(office, id, fx.slot(fx.lead));
    mvc.perform(as(doctor, "/api/v1/referrals/" + id + "/arrive", "{}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ARRIVED"));
    mvc.perform(as(doctor, "/api/v1/referrals/" + id + "/treat", "{\"careMode\":\"INPATIENT\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("TREATED"));
    return id;
  }

  long proposeDown(MockHttpSession doctor, long upId) throws Exception {
    String body =
        mvc.perform(
                as(
                    doctor,
                    "/api/v1/referrals/" + upId + "/down-refer",
                    """
                    {"toFacilityCode":"%s","summary":"住院7天，血压稳定。","diagnosisCode":"I10",
                     "indications":["HTN_DOWN_2"],"dischargeSummary":"出院诊断原发性高血压2级。",
                     "treatmentAdvice":"氨氯地平5mg每日一次","treatingContact":"王医生 0762-1234567"}"""
                        .formatted(fx.township)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return new ObjectMapper().readTree(body).get("id").asLong();
  }

  String statusOf(long id) {
    return jdbc.sql("SELECT status FROM referral.referral WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  long history(long id) {
    return jdbc.sql("SELECT COUNT(*) FROM referral.history WHERE referral_id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  @Test
  void theSpecialistProposesAndOnlyTheDepartmentHeadApproves() throws Exception {
    long downId = proposeDown(specialist, treatedBy(specialist, "孙立"));
    assertThat(statusOf(downId)).isEqualTo("SUBMITTED");
    long before = history(downId);

    mvc.perform(as(specialist, "/api/v1/referrals/" + downId + "/approve", "{\"opinion\":\"同意\"}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("ACCESS_DENIED"));
    assertThat(statusOf(downId)).isEqualTo("SUBMITTED");
    assertThat(history(downId)).isEqualTo(before);

    mvc.perform(as(head, "/api/v1/referrals/" + downId + "/approve", "{\"opinion\":\"同意下转\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("APPROVED"));
    assertThat(
            jdbc.sql("SELECT head_opinion FROM referral.referral WHERE id = ?")
                .param(downId)
                .query(String.class)
                .single())
        .isEqualTo("同意下转");
  }

  @Test
  void theDepartmentHeadCannotApproveTheirOwnProposal() throws Exception {
    long downId = proposeDown(head, treatedBy(head, "钱海"));
    long before = history(downId);

    mvc.perform(as(head, "/api/v1/referrals/" + downId + "/approve", "{\"opinion\":\"同意\"}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("REFERRAL_OWN_PROPOSAL"));
    assertThat(statusOf(downId)).isEqualTo("SUBMITTED");
    assertThat(history(downId)).isEqualTo(before);
  }

  @Test
  void theSpecialistCannotBookForTheOffice() throws Exception {
    long patient = fx.resident("吴芳");
    long id =
        service.create(ReferralFixtures.doctorOf(fx.township), fx.hypertensionUp(patient), true);
    service.receive(ReferralFixtures.officeOf(fx.lead), id);
    mvc.perform(
            as(
                specialist,
                "/api/v1/referrals/" + id + "/accept",
                "{\"resourceId\":" + fx.slot(fx.lead) + "}"))
        .andExpect(status().isForbidden());
    assertThat(statusOf(id)).isEqualTo("RECEIVED");
  }
}
