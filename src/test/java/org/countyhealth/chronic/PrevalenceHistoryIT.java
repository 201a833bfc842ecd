package org.countyhealth.chronic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.countyhealth.IntegrationTest;
import org.countyhealth.chronic.domain.PeriodIndicators;
import org.countyhealth.chronic.domain.PrevalenceEstimates;
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
class PrevalenceHistoryIT {

  @Autowired JdbcClient jdbc;
  @Autowired ChronicCare care;
  @Autowired PeriodIndicators period;
  @Autowired PrevalenceEstimates estimates;
  @Autowired MockMvc mvc;

  @Test
  void eachPeriodUsesTheEstimateInForceOnItsLastDayAndTheHistoryIsShown() throws Exception {
    var fx = new ChronicFixtures(jdbc);
    String clinic = "CHR-PRV-" + System.nanoTime() % 1_000_000;
    jdbc.sql(
            "INSERT INTO organization.facility (licence_code, name, type, parent_code, division_code,"
                + " created_at, updated_at) SELECT ?, '患病率测试村卫生站', 'VILLAGE_CLINIC', ?,"
                + " division_code, ?, ? FROM organization.facility WHERE licence_code = ?")
        .params(clinic, fx.township, LocalDateTime.now(), LocalDateTime.now(), fx.township)
        .update();
    Actor doctor =
        ChronicFixtures.actor(fx.township, fx.staffId, Set.of(fx.township, fx.village, clinic));
    long patient = fx.resident(LocalDate.of(1950, 3, 3));
    care.enrol(
        doctor,
        new EnrolmentRequest(
            patient, Disease.DIABETES, LocalDate.of(2010, 6, 1), null, clinic, fx.staffId));
    jdbc.sql("UPDATE residents.resident SET facility_code = ? WHERE id = ?")
        .params(clinic, patient)
        .update();
    for (int i = 0; i < 29; i++) {
      long r = fx.resident(LocalDate.of(1955, 5, 5));
      jdbc.sql("UPDATE residents.resident SET facility_code = ? WHERE id = ?")
          .params(clinic, r)
          .update();
    }
    Actor centre =
        new Actor(
            41L,
            "prevalence-it",
            "慢病中心",
            null,
            fx.county,
            Set.of("QUALITY"),
            Set.of("QUALITY_CONTROL", "INDICATOR_VIEW"),
            DataScope.of(Set.of(fx.county, clinic)));
    estimates.set(centre, Disease.DIABETES, new BigDecimal("10.0"), LocalDate.of(2011, 1, 1));
    estimates.set(centre, Disease.DIABETES, new BigDecimal("20.0"), LocalDate.of(2012, 1, 1));

    long rows = historyRows();
    assertThatThrownBy(
            () ->
                estimates.set(
                    centre, Disease.DIABETES, new BigDecimal("9"), LocalDate.of(1999, 12, 31)))
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("PREVALENCE_EFFECTIVE_INVALID");
    var auth = authentication(TestActors.authentication(centre));
    mvc.perform(
            post("/chronic/prevalence")
                .with(auth)
                .with(csrf())
                .param("disease", "DIABETES")
                .param("percent", "95")
                .param("effectiveFrom", "2013-01-01"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("患病率应在 0 到 80% 之间")));
    assertThat(historyRows()).isEqualTo(rows);

    LocalDate today = LocalDate.now();
    assertThat(
            diabetes(period.rows(centre, 2011, null, PeriodIndicators.By.FACILITY, today), clinic))
        .isEqualTo(3L); // 30 residents ≥ 35 × 10 %
    assertThat(diabetes(period.rows(centre, 2012, 2, PeriodIndicators.By.FACILITY, today), clinic))
        .isEqualTo(6L); // × 20 % from 2012
    assertThat(estimates.history())
        .filteredOn(h -> h.disease() == Disease.DIABETES && h.effectiveFrom().getYear() < 2013)
        .extracting(PrevalenceEstimates.Entry::setBy)
        .containsOnly("prevalence-it")
        .hasSize(2);

    mvc.perform(get("/chronic/prevalence").with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("2012-01-01")))
        .andExpect(content().string(Matchers.containsString("prevalence-it")));
  }

  private static Long diabetes(java.util.List<PeriodIndicators.Row> rows, String clinic) {
    return rows.stream()
        .filter(r -> r.key().equals(clinic) && r.disease().equals("DIABETES"))
        .findFirst()
        .orElseThrow()
        .estimated();
  }

  private long historyRows() {
    return jdbc.sql("SELECT COUNT(*) FROM chronic.prevalence_estimate_history")
        .query(Long.class)
        .single();
  }
}
