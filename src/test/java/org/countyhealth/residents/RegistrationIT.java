package org.countyhealth.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.countyhealth.IntegrationTest;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RegistrationIT {

  @Autowired ResidentRegistry registry;
  @Autowired Residents residents;
  @Autowired JdbcClient jdbc;

  @Test
  void sameIdCardLinksExactlyAndAddsTheNewIdentifier() {
    LocalDate birth = People.randomBirthDate();
    String id = People.idCard(birth, "2");
    RegistrationOutcome first =
        registry.register(
            People.person(
                "黄秀英",
                "2",
                birth,
                People.randomPhone(),
                "上坪村",
                "VC-A",
                "TS-A",
                IdentifierValue.of(IdentifierType.ID_CARD, id)));
    assertThat(first.outcome()).isEqualTo(MatchOutcome.NEW);

    RegistrationOutcome again =
        registry.register(
            People.person(
                "黄秀英",
                "2",
                birth,
                People.randomPhone(),
                "上坪村",
                "VC-B",
                "TS-A",
                IdentifierValue.of(IdentifierType.ID_CARD, id.toLowerCase()),
                new IdentifierValue(IdentifierType.MEDICAL_RECORD_NUMBER, "VC-B", "MR" + id)));
    assertThat(again.outcome()).isEqualTo(MatchOutcome.EXACT);
    assertThat(again.residentId()).isEqualTo(first.residentId());
    assertThat(identifierCount(first.residentId())).isEqualTo(2);
    assertThat(residents.find(first.residentId()))
        .get()
        .extracting(ResidentSummary::name)
        .isEqualTo("黄秀英");
  }

  @Test
  void homophoneWithSameBirthDatePhoneAndVillageLinks() {
    LocalDate birth = People.randomBirthDate();
    String phone = People.randomPhone();
    RegistrationOutcome first =
        registry.register(People.person("王丽", "2", birth, phone, "下坪村", "VC-A", "TS-A"));
    RegistrationOutcome second =
        registry.register(People.person("王莉", "2", birth, phone, "下坪村", "VC-B", "TS-A"));
    assertThat(second.outcome()).isEqualTo(MatchOutcome.LINK);
    assertThat(second.residentId()).isEqualTo(first.residentId());
    assertThat(second.fieldScores()).contains("name=HOMOPHONE");
    assertThat(decisions(first.residentId(), "LINK")).isEqualTo(1);
  }

  @Test
  void homophoneWithChangedPhoneGoesToReviewAsANewRecord() {
    LocalDate birth = People.randomBirthDate();
    RegistrationOutcome first =
        registry.register(
            People.person("陈建国", "1", birth, People.randomPhone(), "石坑村", "VC-A", "TS-A"));
    RegistrationOutcome second =
        registry.register(
            People.person("陈健国", "1", birth, People.randomPhone(), "石坑村", "VC-A", "TS-A"));
    assertThat(second.outcome()).isEqualTo(MatchOutcome.REVIEW);
    assertThat(second.residentId()).isNotEqualTo(first.residentId());
    assertThat(second.candidateId()).isEqualTo(first.residentId());
    assertThat(
            jdbc.sql("SELECT review_status FROM residents.match_decision WHERE resident_id = ?")
                .param(second.residentId())
                .query(String.class)
                .single())
        .isEqualTo("PENDING");
  }

  @Test
  void someoneElseIsANewPerson() {
    LocalDate birth = People.randomBirthDate();
    RegistrationOutcome a =
        registry.register(
            People.person("李桂英", "2", birth, People.randomPhone(), "坪村", "VC-A", "TS-A"));
    RegistrationOutcome b =
        registry.register(
            People.person("张志明", "1", birth, People.randomPhone(), "坪村", "VC-A", "TS-A"));
    assertThat(b.outcome()).isEqualTo(MatchOutcome.NEW);
    assertThat(b.residentId()).isNotEqualTo(a.residentId());
  }

  @Test
  void aBatchMatchesItsOwnEarlierRecords() {
    LocalDate birth = People.randomBirthDate();
    String phone = People.randomPhone();
    long residentsBefore = count("residents.resident");
    List<RegistrationOutcome> out =
        registry.registerAll(
            List.of(
                People.person("刘淑珍", "2", birth, phone, "黄塘村", "VC-A", "TS-A"),
                People.person("刘淑贞", "2", birth, phone, "黄塘村", "VC-A", "TS-A")));
    assertThat(out.get(1).outcome()).isEqualTo(MatchOutcome.LINK);
    assertThat(out.get(1).residentId()).isEqualTo(out.get(0).residentId());
    // The linked request adds no row of its own.
    assertThat(count("residents.resident")).isEqualTo(residentsBefore + 1);
  }

  @Test
  void badInputIsRefusedWithAStableCodeAndChangesNothing() {
    LocalDate birth = People.randomBirthDate();
    String id = People.idCard(birth, "1");
    String phone = People.randomPhone();
    RegistrationOutcome owner =
        registry.register(
            People.person(
                "赵国强",
                "1",
                birth,
                phone,
                "甲村",
                "VC-A",
                "TS-A",
                IdentifierValue.of(IdentifierType.ID_CARD, id),
                IdentifierValue.of(IdentifierType.HEALTH_CODE, "EHC" + id)));
    long[] before = counts();
    char wrong = id.charAt(17) == '0' ? '1' : '0';
    String badCheck = id.substring(0, 17) + wrong;
    refused(
        People.person(
            "钱某",
            "1",
            birth,
            null,
            "乙村",
            "VC-A",
            "TS-A",
            IdentifierValue.of(IdentifierType.ID_CARD, badCheck)),
        "ID_CARD_CHECK_DIGIT");
    refused(
        People.person(
            "钱某",
            "1",
            birth.plusDays(1),
            null,
            "乙村",
            "VC-A",
            "TS-A",
            IdentifierValue.of(IdentifierType.ID_CARD, People.idCard(birth, "1"))),
        "ID_CARD_BIRTH_DATE_MISMATCH");
    refused(
        People.person(
            "钱某",
            "2",
            birth,
            null,
            "乙村",
            "VC-A",
            "TS-A",
            IdentifierValue.of(IdentifierType.ID_CARD, People.idCard(birth, "1"))),
        "ID_CARD_SEX_MISMATCH");
    refused(
        People.person("钱某", "1", LocalDate.now().plusDays(2), null, "乙村", "VC-A", "TS-A"),
        "RESIDENT_BIRTH_DATE_FUTURE");
    refused(
        People.person(
            "孙丽华",
            "2",
            People.randomBirthDate(),
            People.randomPhone(),
            "丙村",
            "VC-A",
            "TS-A",
            IdentifierValue.of(IdentifierType.HEALTH_CODE, "EHC" + id)),
        "IDENTIFIER_IN_USE");
    refused(
        People.person(
            "孙丽华",
            "2",
            People.randomBirthDate(),
            null,
            "丙村",
            "VC-A",
            "TS-A",
            new IdentifierValue(IdentifierType.MEDICAL_RECORD_NUMBER, "", "123")),
        "IDENTIFIER_ISSUER_REQUIRED");
    // In a batch, one bad request refuses the whole batch.
    assertThatThrownBy(
            () ->
                registry.registerAll(
                    List.of(
                        People.person(
                            "周芳", "2", People.randomBirthDate(), null, "丁村", "VC-A", "TS-A"),
                        People.person(
                            "吴敏", "2", LocalDate.now().plusYears(1), null, "丁村", "VC-A", "TS-A"))))
        .isInstanceOfSatisfying(
            RegistrationRefused.class, e -> assertThat(e.position()).isEqualTo(1));
    assertThat(counts()).containsExactly(before);
    assertThat(identifierCount(owner.residentId())).isEqualTo(2);
  }

  private void refused(RegistrationRequest request, String code) {
    assertThatThrownBy(() -> registry.register(request))
        .isInstanceOf(BusinessException.class)
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo(code);
  }

  private long[] counts() {
    return new long[] {
      count("residents.resident"), count("residents.identifier"), count("residents.match_decision")
    };
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private long identifierCount(long residentId) {
    return jdbc.sql("SELECT COUNT(*) FROM residents.identifier WHERE resident_id = ?")
        .param(residentId)
        .query(Long.class)
        .single();
  }

  private long decisions(long residentId, String outcome) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM residents.match_decision WHERE resident_id = ? AND outcome = ?")
        .params(residentId, outcome)
        .query(Long.class)
        .single();
  }
}
