package org.countyhealth.chronic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.countyhealth.IntegrationTest;
import org.countyhealth.chronic.domain.QcIndicators;
import org.countyhealth.chronic.domain.QualityControl;
import org.countyhealth.organization.TestActors;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.DataScope;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class QualityControlIT {

  @Autowired JdbcClient jdbc;
  @Autowired QualityControl qc;
  @Autowired QcIndicators figures;
  @Autowired MockMvc mvc;

  @Test
  void townshipPlansItsVillagesDrawsBothQuotasChecksChartsAndComputesTheIndicators()
      throws Exception {
    var fx = new ChronicFixtures(jdbc);
    String clinic = "CHR-QC-" + System.nanoTime() % 1_000_000;
    jdbc.sql(
            "INSERT INTO organization.facility (licence_code, name, type, parent_code, division_code,"
                + " created_at, updated_at) SELECT ?, '质控测试村卫生站', 'VILLAGE_CLINIC', ?,"
                + " division_code, ?, ? FROM organization.facility WHERE licence_code = ?")
        .params(clinic, fx.township, LocalDateTime.now(), LocalDateTime.now(), fx.township)
        .update();
    LocalDate today = LocalDate.now();
    // Hypertension: 6 charts per level, three aged ≥ 60 and three younger → the quota fits.
    for (String level : new String[] {"一级管理", "二级管理", "三级管理"}) {
      for (int i = 0; i < 6; i++) {
        enrol(fx, clinic, "HYPERTENSION", level, today.minusYears(i < 3 ? 70 : 45));
      }
    }
    // Diabetes: only 3 on intensive management → the quota of 4 cannot be filled.
    for (int i = 0; i < 8; i++) {
      enrol(fx, clinic, "DIABETES", "常规管理", today.minusYears(i < 5 ? 66 : 50));
    }
    for (int i = 0; i < 3; i++) {
      enrol(fx, clinic, "DIABETES", "强化管理", today.minusYears(62));
    }
    Actor checker =
        new Actor(
            11L,
            "qc-it",
            "质控员",
            fx.staffId,
            fx.township,
            Set.of("QUALITY"),
            Set.of("QUALITY_CONTROL"),
            DataScope.of(Set.of(fx.township)));
    int year = 2031;
    assertThat(qc.planQuarter(checker, year, 2)).isGreaterThanOrEqualTo(1);
    assertThat(qc.planQuarter(checker, year, 2)).isZero(); // idempotent
    var plan =
        qc.plans(checker, year, 2).stream()
            .filter(p -> p.checkedCode().equals(clinic))
            .findFirst()
            .orElseThrow();
    // Each township plans only its own village clinics (line 75).
    assertThat(qc.plans(checker, year, 2))
        .allSatisfy(
            p ->
                assertThat(
                        jdbc.sql(
                                "SELECT parent_code FROM organization.facility WHERE licence_code = ?")
                            .param(p.checkedCode())
                            .query(String.class)
                            .single())
                    .isEqualTo(fx.township));
    // A village clinic does not plan.
    Actor village =
        new Actor(
            12L,
            "qc-v",
            "村医",
            null,
            fx.village,
            Set.of(),
            Set.of("QUALITY_CONTROL"),
            DataScope.of(Set.of(fx.village)));
    assertThatThrownBy(() -> qc.planQuarter(village, year, 2))
        .isInstanceOf(BusinessException.class)
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("QC_NOT_CHECKER");

    var drawn = qc.draw(checker, plan.id(), today);
    assertThat(drawn.status()).isEqualTo("SAMPLED");
    assertThat(drawn.shortfall()).contains("2型糖尿病：强化管理患者仅 3 名，不足抽样要求的 4 名").doesNotContain("高血压");
    var samples = qc.samples(checker, plan.id());
    assertThat(samples).hasSize(10).allMatch(s -> s.disease().equals("HYPERTENSION"));
    assertThat(samples.stream().filter(s -> s.level().equals("一级管理"))).hasSize(2);
    assertThat(samples.stream().filter(s -> s.level().equals("二级管理"))).hasSize(5);
    assertThat(samples.stream().filter(s -> s.level().equals("三级管理"))).hasSize(3);
    assertThat(samples.stream().filter(s -> s.age() >= 60)).hasSize(6);
    assertThatThrownBy(() -> qc.draw(checker, plan.id(), today))
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("QC_ALREADY_SAMPLED");

    // Bad first-visit figures change nothing.
    assertThatThrownBy(() -> qc.firstVisit(checker, plan.id(), 100, 120))
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("QC_FIRST_VISIT_INVALID");
    qc.firstVisit(checker, plan.id(), 100, 96);
    for (int i = 0; i < samples.size(); i++) {
      var s = samples.get(i);
      assertThat(qc.plan(checker, plan.id()).status()).isEqualTo("SAMPLED");
      qc.check(checker, plan.id(), s.id(), i < 9, i < 7, i < 4, null);
    }
    assertThat(qc.plan(checker, plan.id()).status()).isEqualTo("DONE");

    var f = figures.quarter(checker, year, 2, plan.id());
    assertThat(f.get(0).rate()).isEqualTo(96.0);
    assertThat(f.get(0).met()).isTrue();
    assertThat(f.get(1).rate()).isEqualTo(90.0);
    assertThat(f.get(2).rate()).isEqualTo(70.0);
    assertThat(f.get(3).rate()).isEqualTo(40.0);
    assertThat(f.get(4).rate()).isNull();

    // Another township's checker does not see the plan.
    Actor other =
        new Actor(
            13L,
            "qc-o",
            "质控员",
            null,
            fx.otherTownship,
            Set.of(),
            Set.of("QUALITY_CONTROL"),
            DataScope.of(Set.of(fx.otherTownship)));
    assertThatThrownBy(() -> qc.plan(other, plan.id()))
        .extracting(e -> ((BusinessException) e).status())
        .isEqualTo(404);

    var auth = authentication(TestActors.authentication(checker));
    mvc.perform(get("/chronic/qc").param("year", "2031").param("quarter", "2").with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("质控测试村卫生站")))
        .andExpect(content().string(Matchers.containsString("质控高血压规范管理率")));
    mvc.perform(get("/chronic/qc/{id}", plan.id()).with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("强化管理患者仅 3 名")));
    mvc.perform(get("/chronic/qc/{id}/print", plan.id()).with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("高血压患者健康管理工作情况核查表")))
        .andExpect(content().string(Matchers.containsString("chronic-print.css")));
    mvc.perform(
            post("/chronic/qc/{id}/check", plan.id())
                .with(auth)
                .with(csrf())
                .param("sampleId", String.valueOf(samples.get(9).id()))
                .param("authentic", "true"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("SELECT authentic FROM chronic.qc_sample WHERE id = ?")
                .param(samples.get(9).id())
                .query(Boolean.class)
                .single())
        .isTrue();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit.audit_event WHERE action = 'QC_CHECK'")
                .query(Long.class)
                .single())
        .isPositive();
  }

  private void enrol(
      ChronicFixtures fx, String clinic, String disease, String level, LocalDate birth) {
    long resident = fx.resident(birth);
    jdbc.sql(
            "INSERT INTO chronic.enrolment (resident_id, original_resident_id, disease, enrolled_on,"
                + " diagnosing_facility_code, grade, management_level, responsible_facility_code,"
                + " next_visit_on, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'YELLOW', ?, ?, ?,"
                + " 'qc-it', ?)")
        .params(
            resident,
            resident,
            disease,
            LocalDate.now().minusYears(1),
            clinic,
            level,
            clinic,
            LocalDate.now(),
            LocalDateTime.now())
        .update();
  }
}
