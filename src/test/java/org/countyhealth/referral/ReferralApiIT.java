package org.countyhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.countyhealth.IntegrationTest;
import org.countyhealth.organization.TestActors;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Privilege;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

@IntegrationTest
class ReferralApiIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  final ObjectMapper json = new ObjectMapper();

  MockHttpServletRequestBuilder as(Actor actor, MockHttpServletRequestBuilder request) {
    return request
        .with(csrf())
        .with(authentication(TestActors.authentication(actor)))
        .contentType(MediaType.APPLICATION_JSON)
        .accept(MediaType.APPLICATION_JSON);
  }

  String upBody(long resident, String indication) {
    return """
        {"direction":"UP","residentId":%d,"summary":"血压控制不满意，已调整用药两次。",
         "diagnosisCode":"I10","diagnosisName":"原发性高血压","indications":["%s"]}"""
        .formatted(resident, indication);
  }

  long create(Actor doctor, long resident) throws Exception {
    String body =
        mvc.perform(as(doctor, post("/api/v1/referrals")).content(upBody(resident, "HTN_UP_4")))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("SUBMITTED"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body).get("id").asLong();
  }

  long audits(String action) {
    return jdbc.sql("SELECT COUNT(*) FROM audit.audit_event WHERE action = ?")
        .param(action)
        .query(Long.class)
        .single();
  }

  @Test
  void theWholeUpWayOverTheApiWithProblemDetails() throws Exception {
    ReferralFixtures fx = new ReferralFixtures(jdbc);
    Actor doctor = ReferralFixtures.doctorOf(fx.township);
    Actor office = ReferralFixtures.officeOf(fx.lead);
    long patient = fx.resident("韩梅");
    long before = fx.count("referral");

    // Bean Validation: Chinese message beside the field, stable code, nothing stored.
    mvc.perform(
            as(doctor, post("/api/v1/referrals"))
                .content("{\"direction\":\"UP\",\"residentId\":" + patient + "}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
        .andExpect(jsonPath("$['field.summary']").value("请填写病情摘要"));
    mvc.perform(as(doctor, post("/api/v1/referrals")).content("{\"residentId\":\"abc\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("REFERRAL_BODY_UNREADABLE"));
    // A rule of the desk: no indication.
    mvc.perform(as(doctor, post("/api/v1/referrals")).content(upBody(patient, "X")))
        .andExpect(status().is4xxClientError())
        .andExpect(jsonPath("$.code").exists());
    assertThat(fx.count("referral")).isEqualTo(before);

    long submits = audits("REFERRAL_SUBMIT");
    long id = create(doctor, patient);
    assertThat(audits("REFERRAL_SUBMIT")).isEqualTo(submits + 1);
    // A second open up-referral of the same patient.
    mvc.perform(as(doctor, post("/api/v1/referrals")).content(upBody(patient, "HTN_UP_4")))
        .andExpect(status().is4xxClientError())
        .andExpect(jsonPath("$.code").exists());

    // A transition the state machine does not allow.
    mvc.perform(as(office, post("/api/v1/referrals/" + id + "/arrive")))
        .andExpect(status().is4xxClientError())
        .andExpect(jsonPath("$.code").exists());
    // The body is validated before anything else.
    mvc.perform(as(doctor, post("/api/v1/referrals/" + id + "/accept")).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$['field.resourceId']").value("请选择预约的号源、床位或检查"));

    mvc.perform(as(office, post("/api/v1/referrals/" + id + "/receive")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("RECEIVED"));
    mvc.perform(
            as(office, post("/api/v1/referrals/" + id + "/accept"))
                .content("{\"resourceId\":" + fx.slot(fx.lead) + "}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("ACCEPTED"));
    mvc.perform(as(office, post("/api/v1/referrals/" + id + "/arrive")))
        .andExpect(jsonPath("$.status").value("ARRIVED"));
    mvc.perform(
            as(office, post("/api/v1/referrals/" + id + "/treat"))
                .content("{\"careMode\":\"SURGERY\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"));
    mvc.perform(
            as(office, post("/api/v1/referrals/" + id + "/treat"))
                .content("{\"careMode\":\"INPATIENT\"}"))
        .andExpect(jsonPath("$.status").value("TREATED"));
    String down =
        mvc.perform(
                as(office, post("/api/v1/referrals/" + id + "/down-refer"))
                    .content(
                        """
                        {"toFacilityCode":"%s","summary":"住院7天，血压稳定。","diagnosisCode":"I10",
                         "indications":["HTN_DOWN_2"],"dischargeSummary":"出院诊断原发性高血压2级。",
                         "treatmentAdvice":"氨氯地平5mg每日一次","treatingContact":"王医生 0762-1234567"}"""
                            .formatted(fx.township)))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.direction").value("DOWN"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long downId = json.readTree(down).get("id").asLong();
    Actor head = ReferralFixtures.headOf(fx.lead);
    mvc.perform(as(head, post("/api/v1/referrals/" + downId + "/approve")).content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$['field.opinion']").value("请填写科室主任意见"));
    mvc.perform(
            as(head, post("/api/v1/referrals/" + downId + "/approve"))
                .content("{\"opinion\":\"同意下转\"}"))
        .andExpect(jsonPath("$.status").value("APPROVED"));
    Actor township =
        TestActors.actor(
            "town-" + fx.township,
            fx.township,
            DataScope.of(List.of(fx.township)),
            Privilege.REFERRAL_CREATE,
            Privilege.REFERRAL_PROCESS);
    mvc.perform(as(township, post("/api/v1/referrals/" + downId + "/receive")))
        .andExpect(jsonPath("$.status").value("RECEIVED"));
    mvc.perform(as(township, post("/api/v1/referrals/" + downId + "/confirm-back")))
        .andExpect(jsonPath("$.status").value("CLOSED"));

    JsonNode got =
        json.readTree(
            mvc.perform(as(doctor, get("/api/v1/referrals/" + id)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(got.get("history").size()).isGreaterThanOrEqualTo(6);
    mvc.perform(as(doctor, get("/api/v1/referrals").param("side", "SENT")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.id == " + id + ")]").exists());
    mvc.perform(as(doctor, get("/api/v1/referrals").param("side", "NOPE")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("REFERRAL_SIDE_INVALID"));
    // Out of scope: another township sees nothing.
    mvc.perform(as(ReferralFixtures.doctorOf(fx.otherTownship), get("/api/v1/referrals/" + id)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("REFERRAL_NOT_FOUND"));

    // Cancel with a reason; without one: a validation problem.
    long other = create(doctor, fx.resident("韩雪"));
    mvc.perform(as(doctor, post("/api/v1/referrals/" + other + "/cancel")).content("{}"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            as(doctor, post("/api/v1/referrals/" + other + "/cancel"))
                .content("{\"reason\":\"患者自行前往\"}"))
        .andExpect(jsonPath("$.status").value("CANCELLED"));
  }

  @Test
  void twoOfficersAcceptingAtTheSameMomentExactlyOneSucceeds() throws Exception {
    ReferralFixtures fx = new ReferralFixtures(jdbc);
    Actor doctor = ReferralFixtures.doctorOf(fx.township);
    Actor first = ReferralFixtures.officeOf(fx.lead);
    Actor second =
        TestActors.actor(
            "office2-" + fx.lead,
            fx.lead,
            DataScope.of(List.of(fx.lead)),
            Privilege.REFERRAL_PROCESS);
    for (int round = 0; round < 3; round++) {
      long id = create(doctor, fx.resident("并发" + round));
      mvc.perform(as(first, post("/api/v1/referrals/" + id + "/receive")))
          .andExpect(status().isOk());
      long slotA = fx.slot(fx.lead);
      long slotB = fx.slot(fx.lead);
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<Integer>> results = new ArrayList<>();
      for (Object[] who : new Object[][] {{first, slotA}, {second, slotB}}) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return mvc.perform(
                          as((Actor) who[0], post("/api/v1/referrals/" + id + "/accept"))
                              .content("{\"resourceId\":" + who[1] + "}"))
                      .andReturn()
                      .getResponse()
                      .getStatus();
                }));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> f : results) {
        statuses.add(f.get());
      }
      pool.shutdown();
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
      assertThat(statuses).filteredOn(s -> s >= 400 && s < 500).hasSize(1);
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM referral.booking WHERE referral_id = ?")
                  .param(id)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      assertThat(
              jdbc.sql("SELECT SUM(booked) FROM referral.resource WHERE id IN (?, ?)")
                  .params(slotA, slotB)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    }
  }
}
