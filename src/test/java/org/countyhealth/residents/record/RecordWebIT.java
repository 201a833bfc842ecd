package org.countyhealth.residents.record;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.countyhealth.IntegrationTest;
import org.countyhealth.security.ActorPrincipal;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Pages and API of the record and contracts: scope in SQL (404), refusals beside fields. */
@IntegrationTest
class RecordWebIT {

  record Principal(Actor actor) implements ActorPrincipal {}

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  RecordFixtures fixtures;
  long inside;
  long outside;

  static RequestPostProcessor as(Actor actor) {
    return authentication(
        UsernamePasswordAuthenticationToken.authenticated(new Principal(actor), null, List.of()));
  }

  @BeforeEach
  void fixtures() {
    fixtures = new RecordFixtures(jdbc);
    inside =
        fixtures.resident(
            "钱芳",
            "2",
            LocalDate.of(1950, 5, 5),
            RecordFixtures.TOWNSHIP_A,
            RecordFixtures.VILLAGE_A1);
    outside = fixtures.resident("孙强", "1", LocalDate.of(1950, 5, 5), RecordFixtures.OUTSIDE, null);
    fixtures.team(RecordFixtures.TOWNSHIP_A, "网页测试团队");
  }

  @Test
  void aResidentOutsideTheScopeAnswers404OnEveryApiAndPage() throws Exception {
    Actor doctor = RecordFixtures.doctorOfA();
    for (String path : List.of("/record", "/checkups", "/contracts")) {
      mvc.perform(get("/api/v1/residents/" + outside + path).with(as(doctor)))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("RESIDENT_NOT_FOUND"));
      mvc.perform(get("/residents/" + outside + path).with(as(doctor)))
          .andExpect(status().isNotFound());
    }
    mvc.perform(get("/api/v1/residents/" + inside + "/record").with(as(doctor)))
        .andExpect(status().isOk());
  }

  @Test
  void residentPageSectionsSummariseRecordCheckUpAndContract() throws Exception {
    Actor doctor = RecordFixtures.doctorOfA();
    long team = fixtures.team(RecordFixtures.TOWNSHIP_A, "分区测试团队");
    mvc.perform(get("/test/resident-sections/" + inside).with(as(doctor)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("尚未建立健康档案")))
        .andExpect(content().string(Matchers.containsString("当前未签约")))
        .andExpect(content().string(Matchers.containsString("65岁及以上老年人")));
    mvc.perform(
        post("/residents/" + inside + "/record")
            .with(as(doctor))
            .with(csrf())
            .param("bloodAbo", "B")
            .param("drugAllergies", "磺胺类"));
    mvc.perform(
            post("/residents/" + inside + "/contracts")
                .with(as(doctor))
                .with(csrf())
                .param("teamId", String.valueOf(team))
                .param("packageCode", "ELDERLY"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/test/resident-sections/" + inside).with(as(doctor)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("磺胺类")))
        .andExpect(content().string(Matchers.containsString("B型")))
        .andExpect(content().string(Matchers.containsString("分区测试团队")))
        .andExpect(content().string(Matchers.containsString("老年人包")));
  }

  @Test
  void aRefusedCorrectionKeepsWhatWasTypedAndSaysWhy() throws Exception {
    Actor doctor = RecordFixtures.doctorOfA();
    mvc.perform(post("/residents/" + inside + "/record").with(as(doctor)).with(csrf()));
    long recordId =
        jdbc.sql("SELECT id FROM residents.health_record WHERE resident_id = ?")
            .param(inside)
            .query(Long.class)
            .single();
    mvc.perform(
            post("/residents/" + inside + "/record/" + recordId + "/correction")
                .with(as(doctor))
                .with(csrf())
                .param("version", "0")
                .param("bloodAbo", "AB")
                .param("diet", "低盐饮食")
                .param("reason", ""))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("请填写原因")))
        .andExpect(content().string(Matchers.containsString("低盐饮食")));
    org.assertj.core.api.Assertions.assertThat(
            jdbc.sql("SELECT blood_abo FROM residents.health_record WHERE id = ?")
                .param(recordId)
                .query(String.class)
                .single())
        .isEqualTo("UNKNOWN");
  }

  @Test
  void withoutThePrivilegeTheRecordIsRefused() throws Exception {
    Actor clerk =
        new Actor(
            3L,
            "clerk",
            "文员",
            null,
            RecordFixtures.TOWNSHIP_A,
            Set.of(),
            Set.of(),
            DataScope.of(Set.of(RecordFixtures.TOWNSHIP_A)));
    mvc.perform(get("/api/v1/residents/" + inside + "/record").with(as(clerk)))
        .andExpect(status().isForbidden());
  }

  @Test
  void apiRefusesImpossibleBloodPressureWithAStableCode() throws Exception {
    mvc.perform(
            post("/api/v1/residents/" + inside + "/checkups")
                .with(as(RecordFixtures.doctorOfA()))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"examDate\":\""
                        + LocalDate.now()
                        + "\",\"heightCm\":160,\"weightKg\":60,"
                        + "\"sbpLeft\":80,\"dbpLeft\":90}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("BP_SYSTOLIC_NOT_ABOVE_DIASTOLIC"))
        .andExpect(jsonPath("$.field").value("dbpLeft"));
  }

  @Test
  void pagesRenderAndShowMessagesBesideTheFields() throws Exception {
    Actor doctor = RecordFixtures.doctorOfA();
    mvc.perform(
            post("/residents/" + inside + "/record")
                .with(as(doctor))
                .with(csrf())
                .param("bloodAbo", "A")
                .param("bloodRh", "POSITIVE"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/residents/" + inside + "/record").with(as(doctor)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("档案编号")))
        .andExpect(content().string(Matchers.containsString("A型")));
    mvc.perform(
            post("/residents/" + inside + "/checkups")
                .with(as(doctor))
                .with(csrf())
                .param("examDate", LocalDate.now().toString())
                .param("heightCm", "300")
                .param("weightKg", "60")
                .param("sbpLeft", "80")
                .param("dbpLeft", "90"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("身高应在 50～250 厘米之间")))
        .andExpect(content().string(Matchers.containsString("收缩压必须高于舒张压")));
    mvc.perform(
            post("/residents/" + inside + "/checkups")
                .with(as(doctor))
                .with(csrf())
                .param("examDate", LocalDate.now().toString())
                .param("heightCm", "160")
                .param("weightKg", "64")
                .param("sbpLeft", "135")
                .param("dbpLeft", "85"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/residents/" + inside + "/checkups").with(as(doctor)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("超重")));
    mvc.perform(get("/residents/" + inside + "/contracts").with(as(doctor)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("65岁及以上老年人")));
    mvc.perform(get("/contracts").with(as(doctor))).andExpect(status().isOk());
    mvc.perform(get("/contracts/indicators").with(as(doctor)))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("data-coverage")))
        .andExpect(content().string(Matchers.containsString("测试甲镇卫生院")));
  }
}
