package org.countyhealth.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.countyhealth.AuditProbe;
import org.countyhealth.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ResidentPagesIT {

  @Autowired MockMvc mvc;
  @Autowired ResidentRegistry registry;
  @Autowired AuditProbe audit;
  @Autowired JdbcClient jdbc;

  /** Two village clinics of this test only, so lists hold exactly what the test registered. */
  final String clinicA = "VCA" + ThreadLocalRandom.current().nextInt(1_000_000);

  final String clinicB = "VCB" + ThreadLocalRandom.current().nextInt(1_000_000);

  /** The audit trail before the test: it sees only its own events. */
  long mark;

  @BeforeEach
  void mark() {
    mark = audit.mark();
  }

  long registerAt(String clinic, String name, String idCard, LocalDate birth) {
    return registry
        .register(
            People.person(
                name,
                "2",
                birth,
                People.randomPhone(),
                "上村",
                clinic,
                "TS-X",
                IdentifierValue.of(IdentifierType.ID_CARD, idCard)))
        .residentId();
  }

  @Test
  void aVillageClinicListsOnlyItsOwnResidents() throws Exception {
    LocalDate birth = People.randomBirthDate();
    long mine = registerAt(clinicA, "林秀兰", People.idCard(birth, "2"), birth);
    long theirs = registerAt(clinicB, "林秀兰", People.idCard(birth, "2"), birth);
    assertThat(mine).isNotEqualTo(theirs);

    mvc.perform(
            get("/api/v1/residents")
                .param("q", "林秀兰")
                .param("birthYear", String.valueOf(birth.getYear()))
                .with(Actors.villageDoctor(clinicA)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].id").value(mine));
    mvc.perform(get("/residents").param("q", "lin xiu lan").with(Actors.villageDoctor(clinicA)))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("/residents/" + mine)))
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("/residents/" + theirs + "\""))));
    mvc.perform(get("/residents/" + theirs).with(Actors.villageDoctor(clinicA)))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/residents/" + theirs).with(Actors.villageDoctor(clinicA)))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("RESIDENT_NOT_FOUND"));
  }

  @Test
  void readingAResidentPageIsAuditedAndShowsSections() throws Exception {
    LocalDate birth = People.randomBirthDate();
    long id = registerAt(clinicA, "郑玉珍", People.idCard(birth, "2"), birth);
    mvc.perform(get("/residents/" + id).with(Actors.villageDoctor(clinicA)))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("郑玉珍")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("441621********")))
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.containsString("测试分区：居民 <span>" + id + "</span>")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("由其他模块提供")));
    assertThat(audit.has(mark, "RESIDENT_READ", String.valueOf(id))).isTrue();
  }

  @Test
  void crossFacilityOpeningNeedsTheExactIdentifierAndAReasonAndIsVisibleToTheResponsibleClinic()
      throws Exception {
    LocalDate birth = People.randomBirthDate();
    String idCard = People.idCard(birth, "2");
    long id = registerAt(clinicB, "钟桂芳", idCard, birth);
    long before =
        jdbc.sql("SELECT COUNT(*) FROM residents.cross_access").query(Long.class).single();

    // A search by the identifier finds nobody in scope but offers the reasoned opening.
    mvc.perform(get("/residents").param("q", idCard).with(Actors.villageDoctor(clinicA)))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("调阅理由")));
    // No reason, or an inexact identifier: refused, nothing recorded.
    mvc.perform(
            post("/api/v1/residents/open")
                .with(Actors.villageDoctor(clinicA))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"identifier\":\"" + idCard + "\",\"reason\":\"\"}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("CROSS_ACCESS_REASON_REQUIRED"));
    mvc.perform(
            post("/api/v1/residents/open")
                .with(Actors.villageDoctor(clinicA))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"identifier\":\"" + idCard.substring(0, 17) + "\",\"reason\":\"急诊抢救需要\"}"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("CROSS_ACCESS_NOT_FOUND"));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM residents.cross_access").query(Long.class).single())
        .isEqualTo(before);

    mvc.perform(
            post("/residents/open")
                .param("identifier", idCard)
                .param("reason", "急诊抢救需要查看既往史")
                .with(Actors.villageDoctor(clinicA))
                .with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("跨机构调阅")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("钟桂芳")));
    assertThat(audit.has(mark, "CROSS_FACILITY_ACCESS", String.valueOf(id))).isTrue();

    mvc.perform(get("/residents/cross-access").with(Actors.villageDoctor(clinicB)))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("急诊抢救需要查看既往史")));
    mvc.perform(get("/residents/cross-access").with(Actors.villageDoctor(clinicA)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("急诊抢救需要查看既往史"))));
  }

  @Test
  void registrationFormWarnsOfADuplicateAndShowsRefusalsBesideTheField() throws Exception {
    LocalDate birth = People.randomBirthDate();
    String phone = People.randomPhone();
    registry.register(People.person("罗小红", "2", birth, phone, "坝村", clinicA, "TS-X"));
    mvc.perform(get("/residents/new").with(Actors.villageDoctor(clinicA)))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("hx-post")));
    mvc.perform(
            post("/residents/new/check")
                .with(Actors.villageDoctor(clinicA))
                .with(csrf())
                .param("name", "罗晓红")
                .param("sex", "2")
                .param("birthDate", birth.toString())
                .param("phone", phone)
                .param("village", "坝村"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("罗小红")));
    long residents = jdbc.sql("SELECT COUNT(*) FROM residents.resident").query(Long.class).single();
    String badId = People.idCard(birth, "2");
    badId = badId.substring(0, 17) + (badId.charAt(17) == '1' ? '2' : '1');
    mvc.perform(
            post("/residents/new")
                .with(Actors.villageDoctor(clinicA))
                .with(csrf())
                .param("name", "冯秀梅")
                .param("sex", "2")
                .param("birthDate", birth.toString())
                .param("idCard", badId))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("身份证号码校验位错误")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("is-invalid")));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM residents.resident").query(Long.class).single())
        .isEqualTo(residents);
    mvc.perform(
            post("/residents/new")
                .with(Actors.villageDoctor(clinicA))
                .with(csrf())
                .param("name", "冯秀梅")
                .param("sex", "2")
                .param("birthDate", birth.toString())
                .param("villageClinicCode", clinicA))
        .andExpect(status().is3xxRedirection());
  }

  @Test
  void reviewQueueMergeUnmergeAndScanPages() throws Exception {
    LocalDate birth = People.randomBirthDate();
    RegistrationOutcome a =
        registry.register(
            People.person("蔡金凤", "2", birth, People.randomPhone(), "岭村", clinicA, "TS-X"));
    RegistrationOutcome b =
        registry.register(
            People.person("蔡金风", "2", birth, People.randomPhone(), "岭村", clinicA, "TS-X"));
    assertThat(b.outcome()).isEqualTo(MatchOutcome.REVIEW);
    long decision =
        jdbc.sql("SELECT id FROM residents.match_decision WHERE resident_id = ?")
            .param(b.residentId())
            .query(Long.class)
            .single();
    mvc.perform(get("/residents/review").with(Actors.villageDoctor(clinicA)))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(org.hamcrest.Matchers.containsString("/residents/review/" + decision)));
    mvc.perform(get("/residents/review/" + decision).with(Actors.villageDoctor(clinicA)))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("蔡金风")))
        .andExpect(content().string(org.hamcrest.Matchers.containsString("name=")));
    mvc.perform(get("/residents/review/" + decision).with(Actors.villageDoctor(clinicB)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/residents/review/" + decision + "/merge")
                .param("survivorId", String.valueOf(a.residentId()))
                .with(Actors.villageDoctor(clinicA))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    long mergeId =
        jdbc.sql("SELECT id FROM residents.resident_merge WHERE merged_id = ?")
            .param(b.residentId())
            .query(Long.class)
            .single();
    assertThat(audit.has(mark, "RESIDENT_MERGE", String.valueOf(mergeId))).isTrue();
    mvc.perform(
            post("/api/v1/residents/merges")
                .with(Actors.villageDoctor(clinicA))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"survivorId\":" + a.residentId() + ",\"mergedId\":" + a.residentId() + "}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("RESIDENT_MERGE_SELF"));
    mvc.perform(
            post("/residents/merges/" + mergeId + "/unmerge")
                .with(Actors.villageDoctor(clinicA))
                .with(csrf()))
        .andExpect(status().is3xxRedirection());
    assertThat(audit.has(mark, "RESIDENT_UNMERGE", String.valueOf(mergeId))).isTrue();

    mvc.perform(post("/residents/scan").with(Actors.consortium()).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("scan")));
    mvc.perform(get("/residents/scan/progress").with(Actors.consortium()))
        .andExpect(status().isOk());
  }
}
