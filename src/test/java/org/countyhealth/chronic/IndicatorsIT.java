package org.countyhealth.chronic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.countyhealth.IntegrationTest;
import org.countyhealth.chronic.domain.Indicators;
import org.countyhealth.chronic.domain.PeriodIndicators;
import org.countyhealth.shared.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class IndicatorsIT {

  @Autowired JdbcClient jdbc;
  @Autowired ChronicCare care;
  @Autowired Indicators indicators;
  @Autowired PeriodIndicators period;
  @Autowired org.countyhealth.chronic.domain.History history;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;

  @Test
  void standardManagementAndControlAtTheLatestVisitOfAPastYear() {
    var fx = new ChronicFixtures(jdbc);
    String clinic = clinicUnderTheTownship(fx, "CHR-IND-", "指标测试村卫生站");
    Actor doctor = townshipDoctor(fx, clinic);
    int year = LocalDate.now().getYear() - 1;
    threePatients(doctor, fx, clinic, year);

    var row =
        indicators.year(doctor, year, LocalDate.now()).stream()
            .filter(r -> r.facilityCode().equals(clinic))
            .findFirst()
            .orElseThrow();
    assertThat(row.managed()).isEqualTo(3);
    assertThat(row.standard()).isEqualTo(1);
    assertThat(row.controlled()).isEqualTo(1);
    assertThat(row.standardRate()).isEqualTo(33.3);

    // Cohort view today: A and B visited last year only → no visit in 3 months; C never visited.
    var cohort =
        indicators.cohort(doctor, LocalDate.now()).stream()
            .filter(c -> c.facilityCode().equals(clinic))
            .findFirst()
            .orElseThrow();
    assertThat(cohort.patients()).isEqualTo(3);
    assertThat(cohort.noVisit3m()).isEqualTo(3);
    assertThat(cohort.controlled3m()).isZero();
    var rounding =
        indicators.rounding(doctor, year).stream()
            .filter(r -> r.facilityCode().equals(fx.township))
            .findFirst()
            .orElseThrow();
    assertThat(rounding.below())
        .isGreaterThanOrEqualTo(3); // 130 three times (A's last, B's first two)
  }

  @Test
  void perQuarterAndGridWithDrillDownManagementRateAndFirstVisitRate() throws Exception {
    var fx = new ChronicFixtures(jdbc);
    String clinic = clinicUnderTheTownship(fx, "CHR-PER-", "季度指标村卫生站");
    Actor doctor = townshipDoctor(fx, clinic);
    int year = LocalDate.now().getYear() - 1;
    long[] abc = threePatients(doctor, fx, clinic, year);
    long a = abc[0];
    long b = abc[1];
    long c = abc[2];
    // The clinic's population aged ≥ 35: the three patients and nine other residents.
    jdbc.sql(
            "UPDATE residents.resident SET facility_code = ? WHERE id IN (SELECT resident_id FROM"
                + " chronic.enrolment WHERE id IN (?, ?, ?))")
        .params(clinic, a, b, c)
        .update();
    for (int i = 0; i < 9; i++) {
      long r = fx.resident(LocalDate.of(1970, 5, 5));
      jdbc.sql("UPDATE residents.resident SET facility_code = ? WHERE id = ?")
          .params(clinic, r)
          .update();
    }
    Actor centre =
        new Actor(
            10L,
            "centre-it",
            "慢病中心",
            null,
            fx.county,
            Set.of("QUALITY"),
            Set.of("QUALITY_CONTROL", "INDICATOR_VIEW"),
            org.countyhealth.shared.DataScope.of(Set.of(fx.county)));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                period.setPrevalence(doctor, Disease.HYPERTENSION, new java.math.BigDecimal("25")))
        .isInstanceOf(org.countyhealth.shared.BusinessException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                period.setPrevalence(centre, Disease.HYPERTENSION, new java.math.BigDecimal("95")))
        .extracting(e -> ((org.countyhealth.shared.BusinessException) e).code())
        .isEqualTo("PREVALENCE_INVALID");
    period.setPrevalence(centre, Disease.HYPERTENSION, new java.math.BigDecimal("25"));
    jdbc.sql(
            "INSERT INTO chronic.qc_plan (year, quarter, checker_facility_code, checked_facility_code,"
                + " seed, status, first_visit_checked, first_visit_measured, created_by, created_at)"
                + " VALUES (?, 1, ?, ?, 1, 'DONE', 50, 48, 'it', ?)")
        .params(year, fx.township, clinic, LocalDateTime.now())
        .update();
    LocalDate today = LocalDate.now();

    var q1 = row(period.rows(doctor, year, 1, PeriodIndicators.By.FACILITY, today), clinic);
    assertThat(q1.managed()).isEqualTo(3);
    assertThat(q1.standard()).isEqualTo(2); // A and B visited in January
    assertThat(q1.controlled()).isEqualTo(1); // B's 130/80; A's 155
    assertThat(q1.estimated()).isEqualTo(3); // 12 residents ≥ 35 × 25 %
    assertThat(q1.managementRate()).isEqualTo(100.0);
    assertThat(q1.firstVisitRate()).isEqualTo(96.0);
    var q3 = row(period.rows(doctor, year, 3, PeriodIndicators.By.FACILITY, today), clinic);
    assertThat(q3.standard()).isEqualTo(1); // only A in July
    assertThat(q3.controlled()).isZero();
    var whole = row(period.rows(doctor, year, null, PeriodIndicators.By.FACILITY, today), clinic);
    assertThat(whole.standard()).isEqualTo(1);
    assertThat(whole.controlled()).isEqualTo(1);

    // Drill-down lists exactly the patients counted.
    var standard =
        period.patients(
            doctor,
            year,
            1,
            PeriodIndicators.By.FACILITY,
            clinic,
            Disease.HYPERTENSION,
            PeriodIndicators.Measure.STANDARD,
            today);
    assertThat(standard)
        .extracting(PeriodIndicators.Patient::enrolmentId)
        .containsExactlyInAnyOrder(a, b);
    assertThat(
            period.patients(
                doctor,
                year,
                1,
                PeriodIndicators.By.FACILITY,
                clinic,
                Disease.HYPERTENSION,
                PeriodIndicators.Measure.NOT_STANDARD,
                today))
        .extracting(PeriodIndicators.Patient::enrolmentId)
        .containsExactly(c);

    var auth =
        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
            .authentication(org.countyhealth.organization.TestActors.authentication(doctor));
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/chronic/indicators")
                .param("year", String.valueOf(year))
                .param("quarter", "1")
                .with(auth))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("measure=NOT_STANDARD")));
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/chronic/indicators/patients")
                .param("year", String.valueOf(year))
                .param("quarter", "1")
                .param("key", clinic)
                .param("disease", "HYPERTENSION")
                .param("measure", "NOT_STANDARD")
                .with(auth))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                .string(org.hamcrest.Matchers.containsString("1 人")));

    // Per grid: the clinic's township's grid counts at least these three.
    String grid =
        jdbc.sql(
                "SELECT CAST(grid_id AS VARCHAR(20)) FROM organization.facility WHERE licence_code = ?")
            .param(fx.township)
            .query(String.class)
            .optional()
            .orElse(null);
    if (grid != null) {
      var g = row(period.rows(doctor, year, 1, PeriodIndicators.By.GRID, today), grid);
      assertThat(g.managed()).isGreaterThanOrEqualTo(3);
      assertThat(
              period.patients(
                  doctor,
                  year,
                  1,
                  PeriodIndicators.By.GRID,
                  grid,
                  Disease.HYPERTENSION,
                  PeriodIndicators.Measure.MANAGED,
                  today))
          .hasSize((int) g.managed());
    }
  }

  @Test
  void controlIsJudgedAtTheLatestVisitByDateAndFollowsRecordingAndVoiding() {
    var fx = new ChronicFixtures(jdbc);
    String clinic = clinicUnderTheTownship(fx, "CHR-LAT-", "末次随访村卫生站");
    Actor doctor = townshipDoctor(fx, clinic);
    int year = LocalDate.now().getYear() - 1;
    LocalDate today = LocalDate.now();
    long p = enrol(doctor, fx, clinic, LocalDate.of(year - 1, 6, 1));
    // Recorded out of order: September (uncontrolled) first, then March (controlled), so the later
    // visit has the smaller id.
    care.recordFollowUp(doctor, ChronicFixtures.bp(p, LocalDate.of(year, 9, 10), 165, 95));
    care.recordFollowUp(doctor, ChronicFixtures.bp(p, LocalDate.of(year, 3, 10), 130, 80));

    var whole = row(period.rows(doctor, year, null, PeriodIndicators.By.FACILITY, today), clinic);
    assertThat(whole.managed()).isEqualTo(1);
    assertThat(whole.controlled()).isZero(); // September decides the year
    assertThat(controlled(doctor, year, null, clinic, today)).isEmpty();
    assertThat(
            row(period.rows(doctor, year, 1, PeriodIndicators.By.FACILITY, today), clinic)
                .controlled())
        .isEqualTo(1); // March decides its quarter
    // A year cut at the end of June (a past "today"): March is the latest visit inside it.
    LocalDate june = LocalDate.of(year, 6, 30);
    assertThat(
            row(period.rows(doctor, year, null, PeriodIndicators.By.FACILITY, june), clinic)
                .controlled())
        .isEqualTo(1);
    assertThat(controlled(doctor, year, null, clinic, june)).containsExactly(p);

    // A controlled visit in December: the figure shown before is not served again.
    var december =
        care.recordFollowUp(doctor, ChronicFixtures.bp(p, LocalDate.of(year, 12, 1), 130, 80));
    assertThat(
            row(period.rows(doctor, year, null, PeriodIndicators.By.FACILITY, today), clinic)
                .controlled())
        .isEqualTo(1);
    assertThat(controlled(doctor, year, null, clinic, today)).containsExactly(p);
    // Voiding it brings September's verdict back, in every view of the year.
    history.voidVisit(doctor, december.followUpId(), "录入错误");
    assertThat(
            row(period.rows(doctor, year, null, PeriodIndicators.By.FACILITY, today), clinic)
                .controlled())
        .isZero();
    assertThat(
            indicators.year(doctor, year, today).stream()
                .filter(r -> r.facilityCode().equals(clinic))
                .findFirst()
                .orElseThrow()
                .controlled())
        .isZero();
    assertThat(controlled(doctor, year, null, clinic, today)).isEmpty();
  }

  private List<Long> controlled(
      Actor actor, int year, Integer quarter, String clinic, LocalDate today) {
    return period
        .patients(
            actor,
            year,
            quarter,
            PeriodIndicators.By.FACILITY,
            clinic,
            Disease.HYPERTENSION,
            PeriodIndicators.Measure.CONTROLLED,
            today)
        .stream()
        .map(PeriodIndicators.Patient::enrolmentId)
        .toList();
  }

  private static PeriodIndicators.Row row(List<PeriodIndicators.Row> rows, String key) {
    return rows.stream()
        .filter(r -> key.equals(r.key()) && r.disease().equals("HYPERTENSION"))
        .findFirst()
        .orElseThrow();
  }

  /** A village clinic of the fixture's township, so each test counts only its own patients. */
  private String clinicUnderTheTownship(ChronicFixtures fx, String prefix, String name) {
    String clinic = prefix + System.nanoTime() % 1_000_000;
    jdbc.sql(
            "INSERT INTO organization.facility (licence_code, name, type, parent_code, division_code,"
                + " created_at, updated_at) SELECT ?, ?, 'VILLAGE_CLINIC', ?, division_code, ?, ?"
                + " FROM organization.facility WHERE licence_code = ?")
        .params(clinic, name, fx.township, LocalDateTime.now(), LocalDateTime.now(), fx.township)
        .update();
    return clinic;
  }

  /** A township doctor who may record and see indicators for the township and the clinic. */
  private static Actor townshipDoctor(ChronicFixtures fx, String clinic) {
    return new Actor(
        9L,
        "chronic-it",
        "指标测试",
        fx.staffId,
        fx.township,
        Set.of("DOCTOR"),
        Set.of("CHRONIC_VIEW", "CHRONIC_EDIT", "INDICATOR_VIEW"),
        org.countyhealth.shared.DataScope.of(Set.of(fx.township, fx.village, clinic)));
  }

  long enrol(Actor doctor, ChronicFixtures fx, String clinic, LocalDate on) {
    long resident = fx.resident(LocalDate.of(1960, 1, 1));
    return care.enrol(
        doctor, new EnrolmentRequest(resident, Disease.HYPERTENSION, on, null, clinic, fx.staffId));
  }

  /**
   * Three hypertension enrolments of the clinic, followed up in {@code year}; answers their ids. A:
   * a visit every quarter, controlled at the last → standard and controlled. B: misses the third
   * quarter, uncontrolled at the last visit (65 years old: limit 150/90). C: no visit at all →
   * neither.
   */
  private long[] threePatients(Actor doctor, ChronicFixtures fx, String clinic, int year) {
    LocalDate jan = LocalDate.of(year, 1, 10);
    long a = enrol(doctor, fx, clinic, LocalDate.of(year - 1, 6, 1));
    for (int q = 0; q < 4; q++) {
      care.recordFollowUp(
          doctor, ChronicFixtures.bp(a, jan.plusMonths(3L * q), q == 3 ? 130 : 155, 85));
    }
    long b = enrol(doctor, fx, clinic, LocalDate.of(year - 1, 6, 1));
    care.recordFollowUp(doctor, ChronicFixtures.bp(b, jan, 130, 80));
    care.recordFollowUp(doctor, ChronicFixtures.bp(b, jan.plusMonths(3), 130, 80));
    care.recordFollowUp(doctor, ChronicFixtures.bp(b, jan.plusMonths(9), 155, 80));
    long c = enrol(doctor, fx, clinic, LocalDate.of(year - 1, 6, 1));
    return new long[] {a, b, c};
  }
}
