package org.countyhealth.residents.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.countyhealth.AuditProbe;
import org.countyhealth.AuditProbe.Event;
import org.countyhealth.IntegrationTest;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class HealthRecordIT {

  @Autowired JdbcClient jdbc;
  @Autowired HealthRecordService records;
  @Autowired RecordEntries entries;
  @Autowired CheckUpService checkUps;
  @Autowired MockMvc mvc;
  @Autowired AuditProbe audit;

  RecordFixtures fixtures;
  final Actor doctor = RecordFixtures.doctorOfA();

  @BeforeEach
  void fixtures() {
    fixtures = new RecordFixtures(jdbc);
  }

  static RecordInput info(String abo, String allergies) {
    return new RecordInput(
        abo, "POSITIVE", allergies, null, null, "CURRENT", "OCCASIONAL", "WEEKLY", "荤素均衡");
  }

  static CheckUpInput checkUp(String weight, int sbp, int dbp) {
    return new CheckUpInput(
        LocalDate.now().minusDays(3),
        new BigDecimal("165.0"),
        new BigDecimal(weight),
        new BigDecimal("82"),
        sbp,
        dbp,
        null,
        null,
        72,
        new BigDecimal("36.6"));
  }

  @Test
  void correctionKeepsTheEarlierValueWhoAndWhy() throws Exception {
    long resident =
        fixtures.resident(
            "李秀英",
            "2",
            LocalDate.of(1958, 3, 4),
            RecordFixtures.TOWNSHIP_A,
            RecordFixtures.VILLAGE_A1);
    long recordId = records.establish(doctor, resident, info("UNKNOWN", null), LocalDate.now());

    long mark = audit.mark();
    // Through the web, where the audit trail writes one event per request: the correction, then
    // the read of the record page it leads to.
    mvc.perform(
            post("/residents/" + resident + "/record/" + recordId + "/correction")
                .with(RecordWebIT.as(doctor))
                .with(csrf())
                .param("version", "0")
                .param("bloodAbo", "A")
                .param("bloodRh", "POSITIVE")
                .param("drugAllergies", "青霉素")
                .param("smoking", "CURRENT")
                .param("drinking", "OCCASIONAL")
                .param("exercise", "WEEKLY")
                .param("diet", "荤素均衡")
                .param("reason", "化验单确认血型"))
        .andExpect(status().is3xxRedirection());
    mvc.perform(get("/residents/" + resident + "/record").with(RecordWebIT.as(doctor)))
        .andExpect(status().isOk());

    HealthRecordView view = records.view(doctor, resident).get(0);
    assertThat(view.recordNumber()).hasSize(17).startsWith("999901100201");
    assertThat(view.info().bloodAbo()).isEqualTo("A");
    assertThat(view.version()).isEqualTo(1);
    assertThat(view.changes())
        .extracting(
            Change::field, Change::oldValue, Change::newValue, Change::changedBy, Change::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("bloodAbo", "UNKNOWN", "A", "doctor-a", "化验单确认血型"),
            org.assertj.core.groups.Tuple.tuple(
                "drugAllergies", null, "青霉素", "doctor-a", "化验单确认血型"));
    assertThat(audit.since(mark))
        .contains(
            new Event(
                "HEALTH_RECORD_CORRECT", "Resident", String.valueOf(resident), AuditResult.SUCCESS),
            new Event(
                "HEALTH_RECORD_READ", "Resident", String.valueOf(resident), AuditResult.SUCCESS));

    // A stale form (version 0) changes nothing, not even the history.
    assertThatThrownBy(() -> records.correct(doctor, recordId, 0, info("B", "青霉素"), "再次更正"))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("CONCURRENT_CHANGE"));
    assertThat(records.view(doctor, resident).get(0).changes()).hasSize(2);
    assertThatThrownBy(() -> records.correct(doctor, recordId, 1, info("A", "青霉素"), " "))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.field()).isEqualTo("reason"));
  }

  @Test
  void oneActiveRecordPerResidentAndVoidingKeepsTheRow() {
    long resident =
        fixtures.resident("王建国", "1", LocalDate.of(1970, 1, 1), RecordFixtures.TOWNSHIP_A, null);
    long recordId = records.establish(doctor, resident, RecordInput.unknown(), LocalDate.now());
    assertThatThrownBy(
            () -> records.establish(doctor, resident, RecordInput.unknown(), LocalDate.now()))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("HEALTH_RECORD_EXISTS"));

    records.voidRecord(doctor, recordId, "重复建档");

    HealthRecordView voided = records.view(doctor, resident).get(0);
    assertThat(voided.voided()).isTrue();
    assertThat(voided.voidReason()).isEqualTo("重复建档");
    assertThatThrownBy(() -> records.correct(doctor, recordId, 1, info("O", null), "更正"))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("HEALTH_RECORD_VOIDED"));
    // A new record may now be established; the voided one stays.
    records.establish(doctor, resident, RecordInput.unknown(), LocalDate.now());
    assertThat(records.view(doctor, resident)).hasSize(2);
  }

  @Test
  void pastAndFamilyHistoryAreAddedAndVoidedNeverDeleted() {
    long resident =
        fixtures.resident("张伟", "1", LocalDate.of(1960, 6, 1), RecordFixtures.TOWNSHIP_A, null);
    long recordId = records.establish(doctor, resident, RecordInput.unknown(), LocalDate.now());
    long illness = entries.addMedical(doctor, recordId, "ILLNESS", "高血压", LocalDate.of(2015, 5, 1));
    entries.addFamily(doctor, recordId, "FATHER", "STROKE", null);
    assertThatThrownBy(() -> entries.addFamily(doctor, recordId, "FATHER", "STROKE", null))
        .isInstanceOfSatisfying(
            BusinessException.class,
            e -> assertThat(e.code()).isEqualTo("FAMILY_HISTORY_DUPLICATE"));
    assertThatThrownBy(() -> entries.addFamily(doctor, recordId, "MOTHER", "OTHER", ""))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.field()).isEqualTo("otherText"));

    entries.voidEntry(doctor, "medical", illness, "录入错误");

    HealthRecordView view = records.view(doctor, resident).get(0);
    assertThat(view.medicalHistory())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.voided()).isTrue();
              assertThat(e.voidReason()).isEqualTo("录入错误");
            });
    assertThat(view.familyHistory())
        .extracting(HealthRecordView.Entry::nameLabel)
        .containsExactly("脑卒中");
  }

  @Test
  void checkUpComputesBmiKeepsCorrectionsAndIsVoidedWithReason() {
    long resident =
        fixtures.resident("刘芳", "2", LocalDate.of(1955, 2, 2), RecordFixtures.TOWNSHIP_A, null);
    long id = checkUps.record(doctor, resident, checkUp("65.0", 150, 90));
    CheckUpView recorded = checkUps.list(doctor, resident).get(0);
    assertThat(recorded.bmi()).isEqualByComparingTo("23.9");
    assertThat(recorded.bmiCategory()).isEqualTo("体重正常");

    checkUps.correct(doctor, id, 0, checkUp("70.0", 150, 90), "体重录入有误");

    CheckUpView corrected = checkUps.list(doctor, resident).get(0);
    assertThat(corrected.bmi()).isEqualByComparingTo("25.7");
    assertThat(corrected.changes())
        .extracting(Change::field, Change::oldValue, Change::newValue)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("weightKg", "65", "70"),
            org.assertj.core.groups.Tuple.tuple("bmi", "23.9", "25.7"));

    checkUps.voidCheckUp(doctor, id, "录错居民");
    assertThat(checkUps.list(doctor, resident))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.voided()).isTrue();
              assertThat(c.voidReason()).isEqualTo("录错居民");
            });
    assertThatThrownBy(() -> checkUps.voidCheckUp(doctor, id, "再次作废"))
        .isInstanceOfSatisfying(
            BusinessException.class, e -> assertThat(e.code()).isEqualTo("CHECK_UP_VOIDED"));
  }

  @Test
  void physiologicallyImpossibleValuesAreRefusedAndNothingIsStored() {
    long resident =
        fixtures.resident("陈静", "2", LocalDate.of(1980, 2, 2), RecordFixtures.TOWNSHIP_A, null);
    assertThatThrownBy(() -> checkUps.record(doctor, resident, checkUp("60", 80, 90)))
        .isInstanceOfSatisfying(
            MeasurementsRefused.class,
            e -> {
              assertThat(e.code()).isEqualTo("BP_SYSTOLIC_NOT_ABOVE_DIASTOLIC");
              assertThat(e.field()).isEqualTo("dbpLeft");
            });
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM residents.check_up WHERE resident_id = ?")
                .param(resident)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aResidentOutsideTheScopeDoesNotExistForTheActor() {
    long elsewhere =
        fixtures.resident("赵强", "1", LocalDate.of(1975, 7, 7), RecordFixtures.TOWNSHIP_B, null);
    assertThatThrownBy(() -> records.view(doctor, elsewhere)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> checkUps.record(doctor, elsewhere, checkUp("60", 120, 80)))
        .isInstanceOf(NotFound.class);
  }
}
