package org.countyhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.countyhealth.IntegrationTest;
import org.countyhealth.referral.domain.NewReferral;
import org.countyhealth.referral.domain.Referral;
import org.countyhealth.referral.domain.ReferralService;
import org.countyhealth.referral.rules.ReferralStatus;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class ReferralWorkflowIT {

  @Autowired JdbcClient jdbc;
  @Autowired ReferralService referralService;
  @Autowired Referrals facade;
  @Autowired ApplicationEvents events;

  ReferralFixtures fx;
  Actor townDoctor;
  Actor office;

  SignedReferralService service;

  @BeforeEach
  void setUp() {
    service = new SignedReferralService(referralService);
    fx = new ReferralFixtures(jdbc);
    townDoctor = ReferralFixtures.doctorOf(fx.township);
    office = ReferralFixtures.officeOf(fx.lead);
  }

  NewReferral up(long resident, String to, List<String> indications, String diagnosis) {
    return new NewReferral(
        Direction.UP,
        resident,
        fx.township,
        "全科",
        to,
        "心血管内科",
        "明确诊断并调整治疗方案",
        "血压控制不满意，已调整用药两次。",
        diagnosis,
        "原发性高血压",
        indications,
        false,
        null,
        "MZ0001",
        null,
        null,
        null,
        null,
        null);
  }

  NewReferral down(long resident, String to) {
    return new NewReferral(
        Direction.DOWN,
        resident,
        fx.lead,
        "心血管内科",
        to,
        "全科",
        "回基层继续管理",
        "住院7天，血压稳定。",
        "I10",
        "原发性高血压",
        List.of("HTN_DOWN_2", "HTN_DOWN_3"),
        false,
        null,
        "ZY0001",
        "出院诊断原发性高血压2级，血压130/80。",
        "氨氯地平5mg每日一次",
        "低盐饮食，适量运动",
        "王医生 0762-1234567",
        null);
  }

  String status(long id) {
    return jdbc.sql("SELECT status FROM referral.referral WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  @Test
  void upThenDownTheWholeWay() {
    long patient = fx.resident("陈建国");
    long id = service.create(townDoctor, up(patient, null, List.of("HTN_UP_4"), "I10"), true);
    Referral r = service.visible(townDoctor, id);
    // Nearest capable county facility of the township is its parent, the lead hospital.
    assertThat(r.form().toFacilityCode()).isEqualTo(fx.lead);
    assertThat(r.number()).matches("ZJ-" + Year.now().getValue() + "-\\d{6}");
    assertThat(r.status()).isEqualTo(ReferralStatus.SUBMITTED);
    assertThat(r.form().age()).isGreaterThan(60);

    service.receive(office, id);
    long slot = fx.slot(fx.lead);
    service.accept(office, id, slot);
    assertThat(events.stream(ReferralAccepted.class).filter(e -> e.referralId() == id)).hasSize(1);
    assertThat(
            jdbc.sql("SELECT booked FROM referral.resource WHERE id = ?")
                .param(slot)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
    service.arrive(office, id);
    service.treat(office, id, Referral.CareMode.INPATIENT);

    long downId = service.referDown(office, id, down(patient, fx.township));
    assertThat(status(id)).isEqualTo("DOWN_REFERRED");
    assertThat(status(downId)).isEqualTo("SUBMITTED");
    // The township cannot take it in before the department head approved.
    Actor town = ReferralFixtures.doctorOf(fx.township);
    assertThatThrownBy(() -> service.receive(town, downId))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> assertThat(e.code()).isEqualTo("REFERRAL_TRANSITION_NOT_ALLOWED"));
    // Only the department head approves (line 610); the office may not.
    assertThatThrownBy(() -> service.approve(office, downId, "同意下转"))
        .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    service.approve(ReferralFixtures.headOf(fx.lead), downId, "同意下转");
    service.receive(town, downId);
    service.confirmBack(town, downId);
    assertThat(status(downId)).isEqualTo("CLOSED");
    assertThat(events.stream(DownReferralReceived.class).filter(e -> e.referralId() == downId))
        .singleElement()
        .satisfies(e -> assertThat(e.receivingFacilityCode()).isEqualTo(fx.township));
    assertThat(
            events.stream(ReferralClosed.class)
                .filter(e -> e.referralId() == id || e.referralId() == downId))
        .hasSize(2);

    service.recordResult(townDoctor, id, "已住院治疗后下转回本院管理");
    List<String> actions =
        jdbc.sql("SELECT action FROM referral.history WHERE referral_id = ? ORDER BY id")
            .param(id)
            .query(String.class)
            .list();
    assertThat(actions)
        .containsExactly(
            "DRAFT", "SUBMIT", "RECEIVE", "ACCEPT", "ARRIVE", "TREAT", "REFER_DOWN", "RESULT");
    // Both directions closed: a new up-referral is possible again.
    service.create(townDoctor, up(patient, null, List.of("HTN_UP_4"), "I10"), false);
  }

  @Test
  void declineAndCancelNeedReasonsAndFreeTheSlot() {
    long patient = fx.resident("李秀英");
    long id = service.create(townDoctor, up(patient, fx.lead, List.of("GEN_UP_4"), "R51"), true);
    service.receive(office, id);
    assertThatThrownBy(() -> service.decline(office, id, " "))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> assertThat(e.code()).isEqualTo("REFERRAL_REASON_REQUIRED"));
    assertThat(status(id)).isEqualTo("RECEIVED");
    service.decline(office, id, "本院相关专科暂停接诊，建议转县中医院");
    assertThat(status(id)).isEqualTo("DECLINED");
    long again = service.create(townDoctor, up(patient, fx.lead, List.of("GEN_UP_4"), "R51"), true);
    service.cancel(townDoctor, again, "患者要求暂缓转诊");
    assertThat(status(again)).isEqualTo("CANCELLED");
    assertThat(events.stream(ReferralClosed.class).filter(e -> e.referralId() == again))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("CANCELLED"));
  }

  @Test
  void badInputIsRefusedAndChangesNothing() {
    long patient = fx.resident("王芳");
    long before = fx.count("referral");
    long history = fx.count("history");
    refused(
        () ->
            service.create(townDoctor, up(patient, fx.external, List.of("HTN_UP_4"), "I10"), true),
        "REFERRAL_OUT_OF_COUNTY_FORBIDDEN");
    refused(
        () -> service.create(townDoctor, up(patient, fx.lead, List.of(), "I10"), true),
        "REFERRAL_INDICATION_REQUIRED");
    refused(
        () -> service.create(townDoctor, up(patient, fx.lead, List.of("HTN_UP_4"), " "), true),
        "REFERRAL_DIAGNOSIS_REQUIRED");
    refused(
        () ->
            service.create(
                townDoctor, up(patient, "NO-SUCH-FACILITY", List.of("HTN_UP_4"), "I10"), true),
        "REFERRAL_FACILITY_UNKNOWN");
    refused(
        () ->
            service.create(townDoctor, up(patient, fx.township, List.of("HTN_UP_4"), "I10"), true),
        "REFERRAL_TO_SELF");
    refused(
        () -> service.create(townDoctor, up(patient, fx.village, List.of("HTN_UP_4"), "I10"), true),
        "REFERRAL_WRONG_DIRECTION");
    refused(
        () ->
            service.create(townDoctor, up(999_999_999L, fx.lead, List.of("HTN_UP_4"), "I10"), true),
        "REFERRAL_RESIDENT_UNKNOWN");
    // The lead hospital may not send a stroke sequela down to a village clinic.
    refused(
        () ->
            service.create(
                office,
                new NewReferral(
                    Direction.DOWN,
                    patient,
                    fx.lead,
                    null,
                    fx.village,
                    null,
                    null,
                    "稳定",
                    "I69.3",
                    null,
                    List.of(),
                    false,
                    null,
                    null,
                    "小结",
                    "方案",
                    null,
                    "电话",
                    null),
                true),
        "REFERRAL_CANNOT_MANAGE");
    assertThat(fx.count("referral")).isEqualTo(before);
    assertThat(fx.count("history")).isEqualTo(history);

    long id = service.create(townDoctor, up(patient, fx.lead, List.of("HTN_UP_4"), "I10"), true);
    refused(
        () -> service.create(townDoctor, up(patient, fx.lead, List.of("HTN_UP_3"), "I10"), true),
        "REFERRAL_ALREADY_OPEN");
    refused(() -> service.accept(office, id, fx.slot(fx.lead)), "REFERRAL_TRANSITION_NOT_ALLOWED");
    refused(
        () -> service.receive(ReferralFixtures.officeOf(fx.otherTownship), id),
        "REFERRAL_NOT_FOUND");
    assertThat(status(id)).isEqualTo("SUBMITTED");
    assertThat(fx.count("referral")).isEqualTo(before + 1);
  }

  @Test
  void twoOfficersAcceptingAtOnceOnlyOneSucceeds() throws Exception {
    long patient = fx.resident("赵强");
    long id = service.create(townDoctor, up(patient, fx.lead, List.of("HTN_UP_4"), "I10"), true);
    service.receive(office, id);
    long slotA = fx.slot(fx.lead);
    long slotB = fx.slot(fx.lead);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<String>> results = new ArrayList<>();
    for (long slot : List.of(slotA, slotB)) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  service.accept(office, id, slot);
                  return "OK";
                } catch (BusinessException e) {
                  return e.code();
                }
              }));
    }
    start.countDown();
    List<String> outcomes = new ArrayList<>();
    for (Future<String> f : results) {
      outcomes.add(f.get());
    }
    pool.shutdown();
    Collections.sort(outcomes);
    // Whether the loser waited on the row or read it after the winner, it is told the same.
    assertThat(outcomes).containsExactly("OK", "REFERRAL_ALREADY_ACCEPTED");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM referral.booking WHERE referral_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT SUM(booked) FROM referral.resource WHERE id IN (?, ?)")
                .params(slotA, slotB)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void programmeReferralGoesToTheNearestCapableAndOpensTheGreenChannel() {
    long patient = fx.resident("孙丽");
    long id =
        facade.requestFromProgramme(
            new ProgrammeReferralRequest(
                patient,
                fx.village,
                fx.staffOf(fx.village),
                Direction.UP,
                true,
                List.of("HTN_UP_1"),
                "血压 200/120，头痛呕吐",
                "chronic"));
    var row =
        jdbc.sql(
                "SELECT to_facility_code, green_channel, status, diagnosis_code FROM referral.referral WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
    // The village's township manages hypertension and is nearer than the county hospital.
    assertThat(row.get("to_facility_code")).isEqualTo(fx.township);
    assertThat(row.get("green_channel")).isEqualTo(true);
    assertThat(row.get("status")).isEqualTo("SUBMITTED");
    assertThat(row.get("diagnosis_code")).isEqualTo("I10");
    refused(
        () ->
            facade.requestFromProgramme(
                new ProgrammeReferralRequest(
                    patient,
                    fx.village,
                    fx.staffOf(fx.village),
                    Direction.UP,
                    true,
                    List.of("HTN_UP_1"),
                    "再次",
                    "chronic")),
        "REFERRAL_ALREADY_OPEN");
  }

  @Test
  void aChronicEmergencyWithoutDoctorOrIndicationStillReachesTheDesk() {
    long patient = fx.resident("孙芳");
    long id =
        facade.requestFromProgramme(
            new ProgrammeReferralRequest(
                patient,
                fx.village,
                0L,
                Direction.UP,
                true,
                List.of(),
                "紧急转诊：血糖≥16.7mmol/L",
                "chronic"));
    var row =
        jdbc.sql(
                "SELECT green_channel, diagnosis_code, indications, requesting_staff_id"
                    + " FROM referral.referral WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(row.get("green_channel")).isEqualTo(true);
    assertThat(row.get("diagnosis_code")).isEqualTo("E11.9");
    assertThat(row.get("indications")).isEqualTo("GEN_UP_3");
    assertThat(row.get("requesting_staff_id")).isNull();
    // Any other unknown staff id is still refused.
    refused(
        () ->
            facade.requestFromProgramme(
                new ProgrammeReferralRequest(
                    fx.resident("孙强"),
                    fx.village,
                    987654321L,
                    Direction.UP,
                    true,
                    List.of("HTN_UP_1"),
                    "再次",
                    "chronic")),
        "REFERRAL_DOCTOR_UNKNOWN");
  }

  @Autowired org.countyhealth.residents.ResidentRegistry registry;

  @Test
  void referralsFollowAMergeAndComeBackOnUnmerge() {
    long survivor = fx.resident("合并甲");
    long merged = fx.resident("合并乙");
    long id = service.create(townDoctor, up(merged, fx.lead, List.of("HTN_UP_4"), "I10"), true);
    long merge = registry.merge(survivor, merged, "同一人两次建档", "tester");
    assertThat(
            jdbc.sql("SELECT resident_id FROM referral.referral WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(survivor);
    refused(
        () -> service.create(townDoctor, up(survivor, fx.lead, List.of("HTN_UP_4"), "I10"), true),
        "REFERRAL_ALREADY_OPEN");
    registry.unmerge(merge, "tester");
    assertThat(
            jdbc.sql("SELECT resident_id FROM referral.referral WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(merged);
    service.create(townDoctor, up(survivor, fx.lead, List.of("HTN_UP_4"), "I10"), true);
  }

  static void refused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.code()).isEqualTo(code));
  }
}
