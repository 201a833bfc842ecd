package org.countyhealth.chronic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.countyhealth.IntegrationTest;
import org.countyhealth.chronic.domain.ReferralLinks;
import org.countyhealth.chronic.domain.Registry;
import org.countyhealth.chronic.domain.ScreeningDesk;
import org.countyhealth.chronic.domain.Worklists;
import org.countyhealth.chronic.rules.HighRisk;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.DownReferralReceived;
import org.countyhealth.referral.ReferralAccepted;
import org.countyhealth.referral.ReferralClosed;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class FollowUpRulesIT {

  @Autowired JdbcClient jdbc;
  @Autowired ChronicCare care;
  @Autowired Registry registry;
  @Autowired ReferralLinks referrals;
  @Autowired Worklists worklists;
  @Autowired org.countyhealth.chronic.domain.History history;
  @Autowired ApplicationEventPublisher events;

  ChronicFixtures fx;
  Actor doctor;
  final LocalDate today = LocalDate.now();

  @BeforeEach
  void setUp() {
    fx = new ChronicFixtures(jdbc);
    doctor = fx.doctor();
  }

  long enrol(long resident, Disease disease, LocalDate on) {
    return care.enrol(
        doctor, new EnrolmentRequest(resident, disease, on, null, fx.village, fx.staffId));
  }

  long count(String table, long resident) {
    return jdbc.sql("SELECT COUNT(*) FROM chronic." + table + " WHERE resident_id = ?")
        .param(resident)
        .query(Long.class)
        .single();
  }

  @Test
  void voidingTheLatestFollowUpRestoresScheduleGradeAndLatestVisitFromTheEarlierOne() {
    long resident = fx.resident(LocalDate.of(1970, 5, 1));
    long e = enrol(resident, Disease.HYPERTENSION, today.minusMonths(4));
    LocalDate first = today.minusDays(20);
    FollowUpOutcome earlier = care.recordFollowUp(doctor, ChronicFixtures.bp(e, first, 128, 82));
    FollowUpOutcome later =
        care.recordFollowUp(doctor, ChronicFixtures.bp(e, today.minusDays(1), 150, 95));
    assertThat(later.grade()).isEqualTo(Grade.YELLOW);
    assertThat(registry.find(doctor, e).nextReason()).isEqualTo("REVISIT");

    history.voidVisit(doctor, later.followUpId(), "录入错误");

    var row = registry.find(doctor, e);
    assertThat(row.grade()).isEqualTo(earlier.grade()).isEqualTo(Grade.GREEN);
    assertThat(row.managementLevel()).isEqualTo(earlier.managementLevel());
    assertThat(row.nextVisitOn()).isEqualTo(earlier.nextVisitOn());
    assertThat(row.nextReason()).isEqualTo("ROUTINE");
    assertThat(row.lastVisitOn()).isEqualTo(first);
    assertThat(row.uncontrolled()).isFalse();
    // The indicator read model follows: the earlier, controlled visit is the latest measured one.
    assertThat(
            jdbc.sql(
                    "SELECT latest_id FROM chronic.visit_period WHERE enrolment_id = ?"
                        + " AND year = ? AND quarter = 0")
                .params(e, first.getYear())
                .query(Long.class)
                .single())
        .isEqualTo(earlier.followUpId());
    assertThat(
            jdbc.sql("SELECT last_measured_controlled FROM chronic.enrolment WHERE id = ?")
                .param(e)
                .query(Boolean.class)
                .single())
        .isTrue();
    // The next consecutive check starts from the earlier, controlled visit: a first uncontrolled.
    assertThat(care.preview(doctor, ChronicFixtures.bp(e, today, 150, 95)).classification())
        .isEqualTo("FIRST_UNCONTROLLED");

    // Voiding the last remaining follow-up returns the patient to the state of his enrolment.
    history.voidVisit(doctor, earlier.followUpId(), "录入错误");
    row = registry.find(doctor, e);
    assertThat(row.grade()).isEqualTo(Grade.YELLOW);
    assertThat(row.lastVisitOn()).isNull();
    assertThat(row.nextVisitOn()).isEqualTo(today.minusMonths(4).plusWeeks(2));
    assertThatThrownBy(() -> history.voidVisit(doctor, earlier.followUpId(), "再次作废"))
        .isInstanceOf(org.countyhealth.shared.NotFound.class);
  }

  @Test
  void controlledVisitIsGreenAndBooksTheNextQuarter() {
    long resident = fx.resident(LocalDate.of(1960, 5, 1));
    long e = enrol(resident, Disease.HYPERTENSION, today.minusMonths(4));

    FollowUpOutcome out =
        care.recordFollowUp(doctor, ChronicFixtures.bp(e, today.minusDays(1), 128, 82));

    assertThat(out.classification()).isEqualTo("CONTROLLED");
    assertThat(out.grade()).isEqualTo(Grade.GREEN);
    assertThat(out.managementLevel()).isEqualTo("一级管理");
    assertThat(out.nextVisitOn()).isEqualTo(today.minusDays(1).plusMonths(3));
    assertThat(out.bmi()).isEqualByComparingTo("24.2");
    var row = registry.find(doctor, e);
    assertThat(row.grade()).isEqualTo(Grade.GREEN);
    assertThat(row.nextVisitOn()).isEqualTo(out.nextVisitOn());
    assertThat(count("grade_change", resident)).isEqualTo(2); // enrolment, then green
    assertThat(count("referral_suggestion", resident)).isZero(); // the first grade moves nobody
  }

  @Test
  void secondConsecutiveUncontrolledSuggestsAReferralCheckedWithinTwoWeeks() {
    long resident = fx.resident(LocalDate.of(1970, 1, 1));
    long e = enrol(resident, Disease.HYPERTENSION, today.minusMonths(2));

    FollowUpOutcome first =
        care.recordFollowUp(doctor, ChronicFixtures.bp(e, today.minusDays(20), 150, 95));
    assertThat(first.classification()).isEqualTo("FIRST_UNCONTROLLED");
    assertThat(first.grade()).isEqualTo(Grade.YELLOW);
    assertThat(first.nextVisitOn()).isEqualTo(today.minusDays(6));
    assertThat(worklists.list(doctor, Worklists.Kind.REVISIT, false, today))
        .anyMatch(i -> i.enrolmentId() == e);
    assertThat(worklists.list(doctor, Worklists.Kind.OVERDUE, true, today))
        .anyMatch(i -> i.enrolmentId() == e && i.daysOverdue() == 6);

    FollowUpOutcome second = care.recordFollowUp(doctor, ChronicFixtures.bp(e, today, 152, 96));
    assertThat(second.classification()).isEqualTo("REFER");
    assertThat(second.grade()).isEqualTo(Grade.RED);
    assertThat(second.nextVisitOn()).isEqualTo(today.plusWeeks(2));
    var suggestion = referrals.ofResident(resident).get(0);
    assertThat(suggestion.status()).isEqualTo("SUGGESTED"); // the doctor confirms it
    assertThat(suggestion.direction()).isEqualTo("UP");
    assertThat(suggestion.checkBy()).isEqualTo(today.plusWeeks(2));
    assertThat(worklists.list(doctor, Worklists.Kind.REFERRAL_CHECK, false, today))
        .anyMatch(i -> suggestion.id() == i.suggestionId() && i.grade() == Grade.RED);
    long referralId = referrals.confirm(doctor, suggestion.id());
    assertThat(referralId).isPositive();
    assertThat(referrals.ofResident(resident).get(0).status()).isEqualTo("REQUESTED");

    referrals.recordResult(doctor, suggestion.id(), "已到县医院就诊，调整用药", false);
    assertThat(worklists.list(doctor, Worklists.Kind.REFERRAL_CHECK, false, today))
        .noneMatch(i -> suggestion.id() == i.suggestionId());
  }

  @Test
  void elderlyTargetIs150Over90() {
    long resident = fx.resident(today.minusYears(70));
    long e = enrol(resident, Disease.HYPERTENSION, today.minusMonths(1));
    assertThat(care.preview(doctor, ChronicFixtures.bp(e, today, 148, 85)).classification())
        .isEqualTo("CONTROLLED");
    assertThat(count("follow_up", resident)).isZero(); // a preview saves nothing
  }

  @Test
  void emergencyIsRecordedAsUrgentReferral() {
    long resident = fx.resident(LocalDate.of(1965, 3, 3));
    long e = enrol(resident, Disease.DIABETES, today.minusMonths(1));
    FollowUpOutcome out =
        care.recordFollowUp(
            doctor,
            ChronicFixtures.visit(
                e,
                today,
                130,
                80,
                new BigDecimal("17.2"),
                Set.of(Symptom.ACETONE_BREATH),
                Adherence.REGULAR,
                Adverse.NONE,
                false));
    assertThat(out.classification()).isEqualTo("EMERGENCY");
    assertThat(out.emergencyReasons()).contains("血糖≥16.7 mmol/L", "呼气有烂苹果样丙酮味");
    assertThat(out.grade()).isEqualTo(Grade.RED);
    assertThat(out.managementLevel()).isEqualTo("强化管理");
    var s = referrals.ofResident(resident).get(0);
    assertThat(s.emergency()).isTrue();
    assertThat(s.checkBy()).isEqualTo(today.plusWeeks(2));
    assertThat(s.status()).isEqualTo("REQUESTED");

    // A second emergency while the first up-referral is open: recorded, the referral stays a
    // suggestion (a patient holds one unfinished referral per direction).
    FollowUpOutcome again =
        care.recordFollowUp(
            doctor,
            ChronicFixtures.visit(
                e,
                today,
                130,
                80,
                new BigDecimal("18.0"),
                Set.of(Symptom.ACETONE_BREATH),
                Adherence.REGULAR,
                Adverse.NONE,
                false));
    assertThat(again.classification()).isEqualTo("EMERGENCY");
    assertThat(referrals.ofResident(resident))
        .extracting(ReferralLinks.Suggestion::status)
        .containsExactlyInAnyOrder("REQUESTED", "SUGGESTED");
  }

  @Test
  void badInputChangesNothing() {
    long resident = fx.resident(LocalDate.of(1960, 1, 1));
    long e = enrol(resident, Disease.HYPERTENSION, today.minusMonths(1));
    assertThatThrownBy(() -> enrol(resident, Disease.HYPERTENSION, today))
        .isInstanceOfSatisfying(
            BusinessException.class,
            ex -> assertThat(ex.code()).isEqualTo("CHRONIC_ALREADY_ENROLLED"));
    for (var bad :
        new FollowUpRequest[] {
          ChronicFixtures.bp(e, today, 80, 90),
          ChronicFixtures.bp(e, today, 320, 90),
          ChronicFixtures.bp(e, today.plusDays(1), 130, 80),
          ChronicFixtures.bp(e, today.minusMonths(2), 130, 80)
        }) {
      assertThatThrownBy(() -> care.recordFollowUp(doctor, bad))
          .isInstanceOf(BusinessException.class);
    }
    assertThat(count("follow_up", resident)).isZero();
    assertThat(count("enrolment", resident)).isEqualTo(1);
    assertThatThrownBy(() -> registry.find(fx.outsider(), e)).isInstanceOf(BusinessException.class);
  }

  @Test
  void referralEventsMoveTheGradeAndTheResponsibleFacility() {
    long resident = fx.resident(LocalDate.of(1958, 8, 8));
    long e = enrol(resident, Disease.HYPERTENSION, today.minusMonths(3));
    care.recordFollowUp(doctor, ChronicFixtures.bp(e, today.minusDays(30), 150, 95));
    care.recordFollowUp(doctor, ChronicFixtures.bp(e, today.minusDays(14), 155, 96));
    long suggestion = referrals.ofResident(resident).get(0).id();

    events.publishEvent(
        new ReferralAccepted(7001L, resident, Direction.UP, fx.township, fx.county, Instant.now()));
    var red = registry.find(doctor, e);
    assertThat(red.grade()).isEqualTo(Grade.RED);
    assertThat(red.responsibleFacilityCode()).isEqualTo(fx.county);
    assertThat(referrals.ofResident(resident).get(0).referralId()).isEqualTo(7001L);
    assertThat(referrals.ofResident(resident).get(0).status()).isEqualTo("ACCEPTED");

    events.publishEvent(new ReferralClosed(7001L, resident, Direction.UP, "治疗后好转", Instant.now()));
    assertThat(referrals.ofResident(resident).get(0).outcome()).isEqualTo("治疗后好转");

    events.publishEvent(new DownReferralReceived(7002L, resident, fx.village, Instant.now()));
    var green = registry.find(doctor, e);
    assertThat(green.grade()).isEqualTo(Grade.GREEN);
    assertThat(green.responsibleFacilityCode()).isEqualTo(fx.village);
    assertThat(green.managementLevel()).isEqualTo("一级管理");
    assertThat(suggestion).isPositive();
    assertThat(
            jdbc.sql("SELECT to_grade FROM chronic.grade_change WHERE enrolment_id = ? ORDER BY id")
                .param(e)
                .query(String.class)
                .list())
        .containsExactly("YELLOW", "RED", "GREEN");
  }

  @Test
  void highRiskResidentsAreDueForReMeasurementAfterSixMonths(@Autowired ScreeningDesk desk) {
    long resident = fx.resident(LocalDate.of(1965, 1, 1));
    var factors =
        desk.markHighRisk(
            doctor,
            resident,
            Disease.HYPERTENSION,
            new HighRisk.Profile(
                61, "1", 134, 80, new java.math.BigDecimal("25.0"), 92, false, true, null),
            today.minusMonths(6));
    assertThat(factors)
        .contains(
            HighRisk.Factor.HIGH_NORMAL_BP, HighRisk.Factor.OVERWEIGHT, HighRisk.Factor.AGE_55);
    assertThat(worklists.list(doctor, Worklists.Kind.HIGH_RISK, false, today))
        .anyMatch(i -> i.residentId() == resident && i.dueOn().equals(today));
    long fresh = fx.resident(LocalDate.of(1965, 1, 1));
    desk.markHighRisk(
        doctor,
        fresh,
        Disease.DIABETES,
        new HighRisk.Profile(61, "1", null, null, null, null, false, false, null),
        today);
    assertThat(worklists.list(doctor, Worklists.Kind.HIGH_RISK, false, today))
        .noneMatch(i -> i.residentId() == fresh); // diabetes: yearly
  }

  @Test
  void threeElevatedDaysMakeASuspectedCaseUntilEnrolled() {
    long resident = fx.resident(LocalDate.of(1980, 1, 1));
    Actor a = doctor;
    assertThat(care.screen(a, new ScreeningRequest(resident, today.minusDays(10), 145, 85, true)))
        .isEqualTo("RECHECK");
    assertThat(care.screen(a, new ScreeningRequest(resident, today.minusDays(5), 150, 92, false)))
        .isEqualTo("RECHECK");
    assertThat(care.screen(a, new ScreeningRequest(resident, today, 148, 91, false)))
        .isEqualTo("SUSPECTED");
    assertThat(worklists.list(a, Worklists.Kind.SUSPECTED, false, today))
        .anyMatch(i -> i.residentId() == resident);
    assertThat(worklists.list(fx.outsider(), Worklists.Kind.SUSPECTED, false, today))
        .noneMatch(i -> i.residentId() == resident);
    enrol(resident, Disease.HYPERTENSION, today);
    assertThat(worklists.list(a, Worklists.Kind.SUSPECTED, false, today))
        .noneMatch(i -> i.residentId() == resident);
  }
}
