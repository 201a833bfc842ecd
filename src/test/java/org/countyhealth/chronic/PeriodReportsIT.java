package org.countyhealth.chronic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.countyhealth.IntegrationTest;
import org.countyhealth.chronic.domain.PeriodReports;
import org.countyhealth.chronic.domain.ReportFigure;
import org.countyhealth.chronic.rules.ReportingLine.Period;
import org.countyhealth.chronic.rules.ReportingLine.Status;
import org.countyhealth.organization.TestActors;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.DataScope;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PeriodReportsIT {

  @Autowired JdbcClient jdbc;
  @Autowired ChronicCare care;
  @Autowired PeriodReports reports;
  @Autowired MockMvc mvc;

  @Test
  void villagesRollIntoTheirTownshipByNumeratorsAndALockedReportIsFrozen() throws Exception {
    var fx = new ChronicFixtures(jdbc);
    String suffix = String.valueOf(System.nanoTime() % 1_000_000);
    String t = facility("RPT-T-" + suffix, "报表测试镇卫生院", "TOWNSHIP_HEALTH_CENTRE", fx.county);
    String v1 = facility("RPT-A-" + suffix, "报表测试甲村", "VILLAGE_CLINIC", t);
    String v2 = facility("RPT-B-" + suffix, "报表测试乙村", "VILLAGE_CLINIC", t);
    Actor setup = doctor(fx.township, Set.of(fx.township, fx.village, t, v1, v2));
    int year = LocalDate.now().getYear() - 1;
    Period q1 = new Period(year, 1);
    LocalDate jan = LocalDate.of(year, 1, 10);
    LocalDate before = LocalDate.of(year - 1, 6, 1);
    // Village A: one patient, controlled (100 %). Village B: three patients, one visited and
    // uncontrolled, two never visited (0 %). The township's rate is 1 / 4, not the mean 50 %.
    long a = enrol(fx, setup, v1, before);
    care.recordFollowUp(setup, ChronicFixtures.bp(a, jan, 130, 80));
    long b = enrol(fx, setup, v2, before);
    care.recordFollowUp(setup, ChronicFixtures.bp(b, jan, 165, 95));
    long c = enrol(fx, setup, v2, before);
    enrol(fx, setup, v2, before);

    // The township's QC of village A in the quarter: first-visit check 38 / 40 and one chart.
    long plan =
        jdbc.sql(
                "INSERT INTO chronic.qc_plan (year, quarter, checker_facility_code,"
                    + " checked_facility_code, seed, status, first_visit_checked,"
                    + " first_visit_measured, created_by, created_at)"
                    + " VALUES (?, 1, ?, ?, 1, 'DONE', 40, 38, 'it', ?) RETURNING id")
            .params(year, t, v1, LocalDateTime.now())
            .query(Long.class)
            .single();
    jdbc.sql(
            "INSERT INTO chronic.qc_sample (plan_id, enrolment_id, resident_id, original_resident_id,"
                + " disease, management_level, age, authentic, conforming, controlled, checked_by,"
                + " checked_at) SELECT ?, id, resident_id, resident_id, disease, management_level, 56,"
                + " TRUE, TRUE, FALSE, 'it', ? FROM chronic.enrolment WHERE id = ?")
        .params(plan, LocalDateTime.now(), a)
        .update();
    Actor clinicA = staff(v1, Set.of(v1), "CHRONIC_VIEW", "CHRONIC_EDIT");
    Actor clinicB = staff(v2, Set.of(v2), "CHRONIC_VIEW", "CHRONIC_EDIT");
    Actor township = staff(t, Set.of(t, v1, v2), "CHRONIC_VIEW", "CHRONIC_EDIT");
    LocalDate today = LocalDate.now();

    long rows = reportRows();
    refused(
        () -> reports.submit(clinicA, new Period(today.getYear(), 0), today),
        "REPORT_PERIOD_NOT_ENDED");
    refused(() -> reports.submit(township, q1, today), "REPORT_MEMBERS_NOT_LOCKED");
    assertThat(reportRows()).isEqualTo(rows);

    var first = reports.submit(clinicA, q1, today);
    assertThat(first.status()).isEqualTo(Status.SUBMITTED);
    assertThat(first.upperCode()).isEqualTo(t);
    assertThat(ht(first.own()).managed()).isEqualTo(1);
    assertThat(ht(first.own()).controlled()).isEqualTo(1);
    assertThat(ht(first.own()).firstVisitMeasured()).isEqualTo(38);
    assertThat(ht(first.own()).firstVisitChecked()).isEqualTo(40);
    assertThat(ht(first.own()).qcCharts()).isEqualTo(1);
    assertThat(ht(first.own()).qcAuthentic()).isEqualTo(1);
    assertThat(ht(first.own()).qcControlled()).isZero();
    refused(() -> reports.submit(clinicA, q1, today), "REPORT_ALREADY_SUBMITTED");

    var overview = reports.overview(township, q1);
    assertThat(overview.members())
        .extracting(PeriodReports.Member::facilityCode, PeriodReports.Member::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(v1, Status.SUBMITTED),
            org.assertj.core.groups.Tuple.tuple(v2, null));
    refused(() -> reports.lock(township, q1, today), "REPORT_MEMBERS_MISSING");
    refused(() -> reports.lock(clinicA, q1, today), "REPORT_NOT_UPPER_LEVEL");
    refused(() -> reports.returnReport(township, first.id(), "  "), "REPORT_REASON_REQUIRED");
    refused(
        () ->
            reports.returnReport(
                staff(
                    fx.otherTownship, Set.of(fx.otherTownship, v1), "CHRONIC_VIEW", "CHRONIC_EDIT"),
                first.id(),
                "错"),
        "REPORT_NOT_UPPER_LEVEL");
    assertThat(reports.report(township, first.id()).status()).isEqualTo(Status.SUBMITTED);

    var returned = reports.returnReport(township, first.id(), "控制人数与随访记录不符");
    assertThat(returned.status()).isEqualTo(Status.RETURNED);
    assertThat(returned.returnReason()).isEqualTo("控制人数与随访记录不符");
    assertThat(reports.submit(clinicA, q1, today).id()).isEqualTo(first.id());
    var second = reports.submit(clinicB, q1, today);
    assertThat(ht(second.own()).managed()).isEqualTo(3);
    assertThat(ht(second.own()).controlled()).isZero();

    assertThat(reports.lock(township, q1, today).members())
        .extracting(PeriodReports.Member::status)
        .containsOnly(Status.LOCKED);

    // Later changes do not alter a locked report, and it cannot be submitted or returned again.
    care.recordFollowUp(setup, ChronicFixtures.bp(c, jan.plusDays(5), 128, 78));
    rows = reportRows();
    refused(() -> reports.submit(clinicB, q1, today), "REPORT_LOCKED");
    refused(() -> reports.returnReport(township, second.id(), "再看看"), "REPORT_LOCKED");
    assertThat(reportRows()).isEqualTo(rows);
    assertThat(ht(reports.report(clinicB, second.id()).total()).controlled()).isZero();

    var total = reports.submit(township, q1, today);
    ReportFigure sum = ht(total.total());
    assertThat(sum.managed()).isEqualTo(4);
    assertThat(sum.controlled()).isEqualTo(1);
    assertThat(sum.standard()).isEqualTo(2);
    assertThat(sum.controlRate()).isEqualTo(25.0);
    assertThat(sum.firstVisitRate()).isEqualTo(95.0);
    assertThat(sum.qcAuthenticRate()).isEqualTo(100.0);
    assertThat(ht(total.own()).managed()).isZero();
  }

  @Test
  void theCountyLocksWhenAllMembersAreInAndSumsTheirTotalsThroughTheApi() throws Exception {
    var fx = new ChronicFixtures(jdbc);
    int year = LocalDate.now().getYear() - 2;
    Period q2 = new Period(year, 2);
    LocalDate today = LocalDate.now();
    Actor county =
        new Actor(
            22L,
            "report-county-it",
            "慢病中心质控",
            null,
            fx.county,
            Set.of("QUALITY"),
            Set.of("CHRONIC_VIEW", "QUALITY_CONTROL", "INDICATOR_VIEW"),
            DataScope.consortium());
    var auth = authentication(TestActors.authentication(county));

    mvc.perform(
            post("/api/v1/chronic/reports/lock")
                .with(auth)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\": " + year + ", \"quarter\": 2}"))
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.code").value("REPORT_MEMBERS_MISSING"));
    long rows = reportRows();
    mvc.perform(
            get("/api/v1/chronic/reports").with(auth).param("year", "1999").param("quarter", "2"))
        .andExpect(jsonPath("$.code").value("REPORT_BAD_PERIOD"));
    mvc.perform(
            post("/api/v1/chronic/reports")
                .with(auth)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\": \"abc\""))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("REPORT_BODY_UNREADABLE"));
    mvc.perform(
            post("/api/v1/chronic/reports")
                .with(auth)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\": " + year + ", \"quarter\": 2}"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("CHRONIC_FORBIDDEN")); // the QC office does not submit
    Actor centre = staff(fx.county, Set.of(fx.county), "CHRONIC_VIEW", "CHRONIC_EDIT");
    refused(() -> reports.submit(centre, q2, today), "REPORT_NOT_A_REPORTER");
    assertThat(reportRows()).isEqualTo(rows);

    // Every member below the county submits, each upper level locking its members first.
    List<Long> memberTotals = new ArrayList<>();
    for (String member : children(fx.county)) {
      memberTotals.add(ht(submitTree(member, q2, today).total()).managed());
    }
    long audits = audits("CHRONIC_REPORT_LOCK");
    mvc.perform(
            post("/api/v1/chronic/reports/lock")
                .with(auth)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\": " + year + ", \"quarter\": 2}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.own.status").value("LOCKED"))
        .andExpect(jsonPath("$.members[*].status", Matchers.everyItem(Matchers.is("LOCKED"))));
    assertThat(audits("CHRONIC_REPORT_LOCK")).isEqualTo(audits + 1);
    var countyReport = reports.overview(county, q2).own();
    assertThat(ht(countyReport.total()).managed())
        .isEqualTo(
            ht(countyReport.own()).managed() + memberTotals.stream().mapToLong(x -> x).sum());
    assertThat(ht(countyReport.total()).managed()).isPositive();

    rows = reportRows();
    mvc.perform(
            post("/api/v1/chronic/reports/lock")
                .with(auth)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"year\": " + year + ", \"quarter\": 2}"))
        .andExpect(jsonPath("$.code").value("REPORT_LOCKED"));
    assertThat(reportRows()).isEqualTo(rows);

    mvc.perform(get("/chronic/reports").with(auth).param("year", "" + year).param("quarter", "2"))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("下级机构上报情况")))
        .andExpect(content().string(Matchers.containsString("已锁定")));
    mvc.perform(get("/chronic/reports/{id}", countyReport.id()).with(auth))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("含下级机构合计")));
  }

  /** Submits the report of a facility after submitting and locking its members'. */
  private PeriodReports.Report submitTree(String facility, Period period, LocalDate today) {
    List<String> members = children(facility);
    Set<String> scope = new HashSet<>(members);
    scope.add(facility);
    Actor actor = staff(facility, scope, "CHRONIC_VIEW", "CHRONIC_EDIT");
    for (String m : members) {
      submitTree(m, period, today);
    }
    if (!members.isEmpty()) {
      reports.lock(actor, period, today);
    }
    return reports.submit(actor, period, today);
  }

  private List<String> children(String parent) {
    return jdbc.sql(
            "SELECT licence_code FROM organization.facility WHERE parent_code = ? AND active"
                + " AND type IN ('VILLAGE_CLINIC', 'TOWNSHIP_HEALTH_CENTRE', 'COMMUNITY_HEALTH_CENTRE',"
                + " 'COUNTY_GENERAL_HOSPITAL', 'COUNTY_TCM_HOSPITAL') ORDER BY licence_code")
        .param(parent)
        .query(String.class)
        .list();
  }

  private static ReportFigure ht(List<ReportFigure> figures) {
    return figures.stream()
        .filter(f -> f.disease() == Disease.HYPERTENSION)
        .findFirst()
        .orElseThrow();
  }

  private static void refused(Runnable action, String code) {
    assertThatThrownBy(action::run)
        .isInstanceOf(BusinessException.class)
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo(code);
  }

  private long reportRows() {
    return jdbc.sql(
            "SELECT (SELECT COUNT(*) FROM chronic.period_report) * 1000000"
                + " + (SELECT COUNT(*) FROM chronic.period_report_figure)"
                + " + (SELECT COUNT(*) FROM chronic.period_report WHERE status = 'LOCKED') * 1000")
        .query(Long.class)
        .single();
  }

  private long audits(String action) {
    return jdbc.sql("SELECT COUNT(*) FROM audit.audit_event WHERE action = ?")
        .param(action)
        .query(Long.class)
        .single();
  }

  private String facility(String code, String name, String type, String parent) {
    jdbc.sql(
            "INSERT INTO organization.facility (licence_code, name, type, parent_code, division_code,"
                + " created_at, updated_at) SELECT ?, ?, ?, ?, division_code, ?, ?"
                + " FROM organization.facility WHERE licence_code = ?")
        .params(code, name, type, parent, LocalDateTime.now(), LocalDateTime.now(), parent)
        .update();
    return code;
  }

  private long enrol(ChronicFixtures fx, Actor doctor, String clinic, LocalDate on) {
    long resident = fx.resident(LocalDate.of(1970, 1, 1));
    return care.enrol(
        doctor, new EnrolmentRequest(resident, Disease.HYPERTENSION, on, null, clinic, fx.staffId));
  }

  private static Actor doctor(String facility, Set<String> scope) {
    return staff(facility, scope, "CHRONIC_VIEW", "CHRONIC_EDIT", "RESIDENT_VIEW");
  }

  private static Actor staff(String facility, Set<String> scope, String... privileges) {
    return new Actor(
        21L,
        "report-it",
        "报表测试",
        null,
        facility,
        Set.of("DOCTOR"),
        Set.of(privileges),
        DataScope.of(scope));
  }
}
