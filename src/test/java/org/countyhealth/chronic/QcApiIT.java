package org.countyhealth.chronic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.countyhealth.IntegrationTest;
import org.countyhealth.organization.TestActors;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class QcApiIT {

  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;

  @Test
  void planSampleCheckAndIndicatorsThroughTheApiWithProblemDetailsOnBadInput() throws Exception {
    var fx = new ChronicFixtures(jdbc);
    String clinic = "CHR-QCA-" + System.nanoTime() % 1_000_000;
    jdbc.sql(
            "INSERT INTO organization.facility (licence_code, name, type, parent_code, division_code,"
                + " created_at, updated_at) SELECT ?, '质控接口村卫生站', 'VILLAGE_CLINIC', ?,"
                + " division_code, ?, ? FROM organization.facility WHERE licence_code = ?")
        .params(clinic, fx.township, LocalDateTime.now(), LocalDateTime.now(), fx.township)
        .update();
    LocalDate today = LocalDate.now();
    for (String level : new String[] {"一级管理", "二级管理", "三级管理"}) {
      for (int i = 0; i < 6; i++) {
        enrol(fx, clinic, level, today.minusYears(i < 3 ? 70 : 45));
      }
    }
    Actor checker =
        new Actor(
            31L,
            "qc-api-it",
            "质控员",
            fx.staffId,
            fx.township,
            Set.of("QUALITY"),
            Set.of("QUALITY_CONTROL"),
            DataScope.of(Set.of(fx.township)));
    var auth = authentication(TestActors.authentication(checker));
    long before = rows();

    mvc.perform(
            json(post("/api/v1/chronic/qc/plans"), "{\"year\": 2032, \"quarter\": 5}").with(auth))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.code").value("QC_BAD_QUARTER"));
    mvc.perform(json(post("/api/v1/chronic/qc/plans"), "{\"year\": 2032,").with(auth))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("QC_BODY_UNREADABLE"));
    mvc.perform(get("/api/v1/chronic/qc/plans").param("year", "x").param("quarter", "1").with(auth))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("QC_BAD_PARAMETER"));
    assertThat(rows()).isEqualTo(before);

    mvc.perform(
            json(post("/api/v1/chronic/qc/plans"), "{\"year\": 2032, \"quarter\": 3}").with(auth))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.created").value(org.hamcrest.Matchers.greaterThanOrEqualTo(1)));
    String body =
        mvc.perform(
                get("/api/v1/chronic/qc/plans")
                    .param("year", "2032")
                    .param("quarter", "3")
                    .with(auth))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.figures.length()").value(7))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<Integer> ids = JsonPath.read(body, "$.plans[?(@.checkedCode == '" + clinic + "')].id");
    long plan = ids.get(0);

    String drawn =
        mvc.perform(post("/api/v1/chronic/qc/plans/{id}/sample", plan).with(auth).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.plan.status").value("SAMPLED"))
            .andExpect(jsonPath("$.samples.length()").value(10))
            .andReturn()
            .getResponse()
            .getContentAsString();
    int sample = JsonPath.read(drawn, "$.samples[0].id");
    mvc.perform(post("/api/v1/chronic/qc/plans/{id}/sample", plan).with(auth).with(csrf()))
        .andExpect(jsonPath("$.code").value("QC_ALREADY_SAMPLED"));

    long checked = checkedSamples(plan);
    mvc.perform(
            json(
                    post("/api/v1/chronic/qc/plans/{id}/samples/{s}/check", plan, sample),
                    "{\"authentic\": true}")
                .with(auth))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.code").value("QC_CHECK_INCOMPLETE"))
        .andExpect(jsonPath("$.field").value("authentic"));
    mvc.perform(
            json(
                    post("/api/v1/chronic/qc/plans/{id}/first-visit", plan),
                    "{\"checkedCount\": 100, \"measured\": 120}")
                .with(auth))
        .andExpect(jsonPath("$.code").value("QC_FIRST_VISIT_INVALID"));
    assertThat(checkedSamples(plan)).isEqualTo(checked);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM chronic.qc_plan WHERE id = ? AND first_visit_checked IS NULL")
                .param(plan)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    mvc.perform(
            json(
                    post("/api/v1/chronic/qc/plans/{id}/samples/{s}/check", plan, sample),
                    "{\"authentic\": true, \"conforming\": true, \"controlled\": false, \"note\": \"电话核实\"}")
                .with(auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.samples[?(@.id == " + sample + ")].authentic").value(true));
    mvc.perform(
            json(
                    post("/api/v1/chronic/qc/plans/{id}/first-visit", plan),
                    "{\"checkedCount\": 100, \"measured\": 97}")
                .with(auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.plan.firstVisitMeasured").value(97));
    mvc.perform(
            get("/api/v1/chronic/qc/indicators")
                .param("year", "2032")
                .param("quarter", "3")
                .param("planId", String.valueOf(plan))
                .with(auth))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].numerator").value(97))
        .andExpect(jsonPath("$[1].denominator").value(1));

    Actor other =
        new Actor(
            32L,
            "qc-api-o",
            "质控员",
            null,
            fx.otherTownship,
            Set.of(),
            Set.of("QUALITY_CONTROL"),
            DataScope.of(Set.of(fx.otherTownship)));
    mvc.perform(
            get("/api/v1/chronic/qc/plans/{id}", plan)
                .with(authentication(TestActors.authentication(other))))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("QC_PLAN_NOT_FOUND"));
  }

  private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder b, String body) {
    return b.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
  }

  private long rows() {
    return jdbc.sql(
            "SELECT (SELECT COUNT(*) FROM chronic.qc_plan) + (SELECT COUNT(*) FROM chronic.qc_sample)")
        .query(Long.class)
        .single();
  }

  private long checkedSamples(long plan) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM chronic.qc_sample WHERE plan_id = ? AND checked_at IS NOT NULL")
        .param(plan)
        .query(Long.class)
        .single();
  }

  private void enrol(ChronicFixtures fx, String clinic, String level, LocalDate birth) {
    long resident = fx.resident(birth);
    jdbc.sql(
            "INSERT INTO chronic.enrolment (resident_id, original_resident_id, disease, enrolled_on,"
                + " diagnosing_facility_code, grade, management_level, responsible_facility_code,"
                + " next_visit_on, created_by, created_at) VALUES (?, ?, 'HYPERTENSION', ?, ?, 'YELLOW',"
                + " ?, ?, ?, 'qc-api-it', ?)")
        .params(
            resident,
            resident,
            LocalDate.now().minusYears(1),
            clinic,
            level,
            clinic,
            LocalDate.now().plusMonths(1),
            LocalDateTime.now())
        .update();
  }
}
