package org.countyhealth.chronic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.countyhealth.IntegrationTest;
import org.countyhealth.organization.TestActors;
import org.countyhealth.residents.HealthRecords;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class ChronicPanelIT {

  @Autowired JdbcClient jdbc;
  @Autowired ChronicCare care;
  @Autowired HealthRecords records;
  @Autowired MockMvc mvc;

  @Test
  void thePanelShowsTheLatestYearlyCheckUpAndTheWorklistFlagsPatientsWithoutOne() throws Exception {
    var fx = new ChronicFixtures(jdbc);
    var doctor = fx.doctor();
    var auth = authentication(TestActors.authentication(doctor));
    long resident = fx.resident(LocalDate.of(1958, 4, 4));
    String link = "/residents/" + resident + "/chronic\"";
    care.enrol(
        doctor,
        new EnrolmentRequest(
            resident, Disease.HYPERTENSION, LocalDate.now().minusYears(2), null, null, null));

    mvc.perform(get("/residents/{id}/chronic", resident).with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("尚无健康体检记录")));
    mvc.perform(get("/chronic/check-ups").with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(link)));

    LocalDate old = LocalDate.now().minusMonths(14);
    checkUp(resident, old, 150);
    mvc.perform(get("/residents/{id}/chronic", resident).with(auth))
        .andExpect(content().string(Matchers.containsString("近12个月未进行健康体检")))
        .andExpect(content().string(Matchers.containsString("最近一次体检：" + old)));
    mvc.perform(get("/chronic/check-ups").with(auth))
        .andExpect(content().string(Matchers.containsString(link)));

    LocalDate recent = LocalDate.now().minusMonths(2);
    checkUp(resident, recent, 132);
    mvc.perform(get("/residents/{id}/chronic", resident).with(auth))
        .andExpect(content().string(Matchers.containsString("最近一次体检：" + recent)))
        .andExpect(content().string(Matchers.containsString("血压 132/82")))
        .andExpect(content().string(Matchers.containsString("下次应于 " + recent.plusMonths(12))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("近12个月未进行健康体检"))));
    mvc.perform(get("/chronic/check-ups").with(auth))
        .andExpect(content().string(Matchers.not(Matchers.containsString(link))));
  }

  @Test
  void theHighRiskFormValidatesEachTickedFactorBesideItsFieldAndSaves() throws Exception {
    var fx = new ChronicFixtures(jdbc);
    var auth = authentication(TestActors.authentication(fx.doctor()));
    long resident = fx.resident(LocalDate.now().minusYears(40).minusDays(3));

    mvc.perform(get("/residents/{id}/chronic", resident).with(auth))
        .andExpect(content().string(Matchers.containsString("标记高危人群")));
    mvc.perform(get("/residents/{id}/chronic/high-risk", resident).with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("血压正常高值")))
        .andExpect(content().string(Matchers.containsString("长期过量饮酒")));

    long before = highRisk(resident);
    expectError(form(resident).param("factors", "OVERWEIGHT"), "超重或肥胖须 BMI ≥ 24", auth);
    expectError(form(resident).param("factors", "AGE_55"), "该居民评估时未满 55 岁", auth);
    expectError(form(resident), "请至少勾选一项高危因素", auth);
    expectError(
        form(resident)
            .param("factors", "HIGH_NORMAL_BP")
            .param("systolic", "80")
            .param("diastolic", "90"),
        "收缩压应高于舒张压",
        auth);
    expectError(
        form(resident).param("factors", "HEAVY_DRINKING").param("spiritsMlPerDay", "50"),
        "每日饮白酒 ≥ 100 ml",
        auth);
    expectError(
        post("/residents/{id}/chronic/high-risk", resident)
            .with(csrf())
            .param("disease", "HYPERTENSION")
            .param("factors", "HIGH_SALT")
            .param("measuredOn", "2999-01-01"),
        "不能晚于今天",
        auth);
    // The measurement's error stands beside its field, which names it for screen readers.
    mvc.perform(
            form(resident)
                .param("factors", "HIGH_NORMAL_BP")
                .param("systolic", "80")
                .param("diastolic", "90")
                .with(auth))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "class=\"form-control is-invalid\" id=\"systolic\" name=\"systolic\"")))
        .andExpect(
            content().string(Matchers.containsString("id=\"systolic-error\">收缩压应高于舒张压</div>")))
        .andExpect(
            content().string(Matchers.containsString("aria-describedby=\"systolic-error\"")));
    assertThat(highRisk(resident)).isEqualTo(before);

    LocalDate on = LocalDate.now().minusDays(1);
    mvc.perform(
            post("/residents/{id}/chronic/high-risk", resident)
                .with(csrf())
                .param("disease", "HYPERTENSION")
                .param("factors", "HIGH_NORMAL_BP", "FAMILY_HISTORY", "OVERWEIGHT")
                .param("systolic", "135")
                .param("diastolic", "85")
                .param("heightCm", "170")
                .param("weightKg", "75")
                .param("measuredOn", on.toString())
                .with(auth))
        .andExpect(status().is3xxRedirection());
    var row =
        jdbc.sql(
                "SELECT factors, next_measure_on FROM chronic.high_risk WHERE resident_id = ?"
                    + " AND disease = 'HYPERTENSION'")
            .param(resident)
            .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class)})
            .single();
    assertThat((String) row[0]).isEqualTo("血压正常高值、超重或肥胖、高血压家族史");
    assertThat(row[1]).isEqualTo(on.plusMonths(6));

    mvc.perform(
            post("/residents/{id}/chronic/high-risk", resident)
                .with(csrf())
                .with(auth)
                .param("disease", "DIABETES")
                .param("measuredOn", on.toString()))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql(
                    "SELECT next_measure_on FROM chronic.high_risk WHERE resident_id = ?"
                        + " AND disease = 'DIABETES'")
                .param(resident)
                .query(LocalDate.class)
                .single())
        .isEqualTo(on.plusYears(1));
  }

  private void expectError(
      MockHttpServletRequestBuilder request,
      String message,
      org.springframework.test.web.servlet.request.RequestPostProcessor auth)
      throws Exception {
    mvc.perform(request.with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString(message)))
        .andExpect(content().string(Matchers.containsString("is-invalid")));
  }

  private static MockHttpServletRequestBuilder form(long resident) {
    return post("/residents/{id}/chronic/high-risk", resident)
        .with(csrf())
        .param("disease", "HYPERTENSION")
        .param("measuredOn", LocalDate.now().toString());
  }

  private void checkUp(long resident, LocalDate on, int systolic) {
    records.recordCheckUp(
        new HealthRecords.NewCheckUp(
            resident,
            on,
            null,
            "体检医生",
            new BigDecimal("168"),
            new BigDecimal("70"),
            new BigDecimal("88"),
            systolic,
            82,
            null,
            null,
            null,
            null,
            "it"));
  }

  private long highRisk(long resident) {
    return jdbc.sql("SELECT COUNT(*) FROM chronic.high_risk WHERE resident_id = ?")
        .param(resident)
        .query(Long.class)
        .single();
  }
}
