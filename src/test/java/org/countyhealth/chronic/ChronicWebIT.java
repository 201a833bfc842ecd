package org.countyhealth.chronic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.countyhealth.IntegrationTest;
import org.countyhealth.organization.TestActors;
import org.countyhealth.shared.Actor;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ChronicWebIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired ChronicCare care;

  @Test
  void followUpFormSavesAppliesTheRulesAndShowsFieldMessages() throws Exception {
    var fx = new ChronicFixtures(jdbc);
    Actor doctor = fx.doctor();
    long resident = fx.resident(LocalDate.of(1962, 2, 2));
    var auth = authentication(TestActors.authentication(doctor));

    mvc.perform(
            post("/residents/{id}/chronic", resident)
                .with(auth)
                .with(csrf())
                .param("disease", "HYPERTENSION")
                .param("enrolledOn", LocalDate.now().minusMonths(1).toString()))
        .andExpect(status().is3xxRedirection());
    long enrolment =
        jdbc.sql("SELECT id FROM chronic.enrolment WHERE resident_id = ?")
            .param(resident)
            .query(Long.class)
            .single();

    mvc.perform(get("/chronic/enrolments/{id}/follow-up", enrolment).with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("患者随访服务记录")));

    mvc.perform(
            post("/chronic/enrolments/{id}/follow-up/preview", enrolment)
                .with(auth)
                .with(csrf())
                .param("visitOn", LocalDate.now().toString())
                .param("systolic", "185")
                .param("diastolic", "100"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("紧急转诊")));

    mvc.perform(
            post("/chronic/enrolments/{id}/follow-up", enrolment)
                .with(auth)
                .with(csrf())
                .param("visitOn", LocalDate.now().toString())
                .param("systolic", "80")
                .param("diastolic", "90"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("收缩压应高于舒张压")))
        // Beside the field it concerns, and announced with it.
        .andExpect(
            content().string(Matchers.containsString("id=\"systolic-error\">收缩压应高于舒张压</div>")))
        .andExpect(content().string(Matchers.containsString("aria-describedby=\"systolic-error\"")))
        .andExpect(content().string(Matchers.containsString("mmHg")));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM chronic.follow_up WHERE enrolment_id = ?")
                .param(enrolment)
                .query(Long.class)
                .single())
        .isZero();

    mvc.perform(
            post("/chronic/enrolments/{id}/follow-up", enrolment)
                .with(auth)
                .with(csrf())
                .param("visitOn", LocalDate.now().toString())
                .param("systolic", "132")
                .param("diastolic", "84")
                .param("adherence", "REGULAR")
                .param("adverse", "NONE")
                .param("discomfort", "NONE"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("已保存")));

    mvc.perform(get("/residents/{id}/chronic", resident).with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("grade-GREEN")))
        .andExpect(content().string(Matchers.containsString("data-systolic=\"132\"")));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit.audit_event WHERE action = 'CHRONIC_FOLLOW_UP'")
                .query(Long.class)
                .single())
        .isPositive();

    long visit =
        jdbc.sql("SELECT id FROM chronic.follow_up WHERE enrolment_id = ?")
            .param(enrolment)
            .query(Long.class)
            .single();
    mvc.perform(
            post("/chronic/follow-ups/{id}/void", visit)
                .with(auth)
                .with(csrf())
                .param("residentId", String.valueOf(resident))
                .param("reason", "录入错误"))
        .andExpect(status().is3xxRedirection());
    assertThat(
            jdbc.sql("SELECT voided FROM chronic.follow_up WHERE id = ?")
                .param(visit)
                .query(Boolean.class)
                .single())
        .isTrue();

    mvc.perform(
            post("/residents/{id}/chronic/screening", resident)
                .with(auth)
                .with(csrf())
                .param("systolic", "150")
                .param("diastolic", "95")
                .param("firstVisit", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("预约复查")));

    mvc.perform(
            get("/chronic/indicators")
                .with(
                    authentication(
                        TestActors.authentication(
                            new Actor(
                                9L,
                                "q",
                                "质控",
                                null,
                                fx.township,
                                java.util.Set.of(),
                                java.util.Set.of("INDICATOR_VIEW"),
                                org.countyhealth.shared.DataScope.of(
                                    java.util.Set.of(fx.township)))))))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("规范管理率")));

    mvc.perform(get("/chronic/worklist").param("kind", "DUE_THIS_WEEK").with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("本周应随访")));
    mvc.perform(
            get("/residents/{id}/chronic", resident)
                .with(authentication(TestActors.authentication(fx.outsider()))))
        .andExpect(status().isNotFound());
  }

  @Test
  void diabetesFollowUpRecordsHba1cWithItsDateAndShowsErrorsBesideTheFields() throws Exception {
    var fx = new ChronicFixtures(jdbc);
    Actor doctor = fx.doctor();
    long resident = fx.resident(LocalDate.of(1960, 3, 3));
    var auth = authentication(TestActors.authentication(doctor));
    LocalDate today = LocalDate.now();
    long diabetes =
        care.enrol(
            doctor,
            new EnrolmentRequest(
                resident, Disease.DIABETES, today.minusMonths(2), null, null, null));
    long hypertension =
        care.enrol(
            doctor,
            new EnrolmentRequest(
                resident, Disease.HYPERTENSION, today.minusMonths(2), null, null, null));

    mvc.perform(get("/chronic/enrolments/{id}/follow-up", diabetes).with(auth))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<label class=\"form-label\" for=\"hba1c\">糖化血红蛋白</label>")))
        .andExpect(content().string(Matchers.containsString("for=\"hba1cOn\">检查日期</label>")));
    // The hypertension form has no such item.
    mvc.perform(get("/chronic/enrolments/{id}/follow-up", hypertension).with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"hba1c\""))));

    mvc.perform(
            diabetesVisit(diabetes, auth).param("hba1c", "25").param("hba1cOn", today.toString()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(Matchers.containsString("id=\"hba1c-error\">糖化血红蛋白应在 3.0–20.0 % 之间</div>")))
        .andExpect(content().string(Matchers.containsString("aria-describedby=\"hba1c-error\"")));
    mvc.perform(diabetesVisit(diabetes, auth).param("hba1c", "7.2"))
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.containsString("id=\"hba1cOn-error\">请填写糖化血红蛋白的检查日期</div>")))
        .andExpect(content().string(Matchers.containsString("aria-describedby=\"hba1cOn-error\"")))
        // What was typed stays in the form.
        .andExpect(content().string(Matchers.containsString("value=\"7.2\"")));
    mvc.perform(
            diabetesVisit(diabetes, auth)
                .param("hba1c", "7.2")
                .param("hba1cOn", today.plusDays(1).toString()))
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.containsString("id=\"hba1cOn-error\">检查日期不能晚于今天</div>")));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM chronic.follow_up WHERE enrolment_id = ?")
                .param(diabetes)
                .query(Long.class)
                .single())
        .isZero();

    LocalDate tested = today.minusDays(5);
    mvc.perform(
            diabetesVisit(diabetes, auth).param("hba1c", "7.2").param("hba1cOn", tested.toString()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("已保存")));
    assertThat(
            jdbc.sql("SELECT hba1c FROM chronic.follow_up WHERE enrolment_id = ?")
                .param(diabetes)
                .query(java.math.BigDecimal.class)
                .single())
        .isEqualByComparingTo("7.2");
    mvc.perform(get("/residents/{id}/chronic", resident).with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("<th>糖化血红蛋白</th>")))
        .andExpect(content().string(Matchers.containsString("7.2 %")))
        .andExpect(content().string(Matchers.containsString("（" + tested + " 检查）")));
  }

  private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
      diabetesVisit(
          long enrolment, org.springframework.test.web.servlet.request.RequestPostProcessor auth) {
    return post("/chronic/enrolments/{id}/follow-up", enrolment)
        .with(auth)
        .with(csrf())
        .param("visitOn", LocalDate.now().toString())
        .param("systolic", "128")
        .param("diastolic", "80")
        .param("fastingGlucose", "6.4");
  }
}
