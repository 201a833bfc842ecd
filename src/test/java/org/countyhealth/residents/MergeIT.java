package org.countyhealth.residents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.countyhealth.IntegrationTest;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@IntegrationTest
@RecordApplicationEvents
class MergeIT {

  @Autowired ResidentRegistry registry;
  @Autowired Residents residents;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEvents events;

  @Test
  void mergeMovesIdentifiersAndUnmergeRestoresBothExactly() {
    LocalDate birth = People.randomBirthDate();
    String id = People.idCard(birth, "1");
    long merged =
        registry
            .register(
                People.person(
                    "邓文华",
                    "1",
                    birth,
                    People.randomPhone(),
                    "新村",
                    "VC-A",
                    "TS-A",
                    IdentifierValue.of(IdentifierType.ID_CARD, id)))
            .residentId();
    long survivor =
        registry
            .register(
                People.person(
                    "邓文化",
                    "1",
                    birth.plusDays(1),
                    People.randomPhone(),
                    "旧村",
                    "VC-B",
                    "TS-A",
                    IdentifierValue.of(IdentifierType.HEALTH_CODE, "EHC-" + id),
                    new IdentifierValue(IdentifierType.MEDICAL_RECORD_NUMBER, "VC-B", "MR-" + id)))
            .residentId();
    Map<String, Object> survivorBefore = row(survivor);
    Map<String, Object> mergedBefore = row(merged);
    List<Map<String, Object>> idsBefore = identifiers(survivor, merged);

    long mergeId = registry.merge(survivor, merged, "同一人两次建档", "tester");

    assertThat(owners(survivor, merged)).containsOnly(survivor);
    // The survivor had no identity card number: it takes over the merged record's, until unmerge.
    assertThat(
            jdbc.sql("SELECT id_card FROM residents.resident WHERE id = ?")
                .param(survivor)
                .query(String.class)
                .single())
        .isEqualTo(id);
    assertThat(residents.find(merged)).get().extracting(ResidentSummary::id).isEqualTo(survivor);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM residents.merge_item WHERE merge_id = ?")
                .param(mergeId)
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(events.stream(ResidentsMerged.class))
        .contains(new ResidentsMerged(mergeId, survivor, merged));
    assertThatThrownBy(() -> registry.merge(merged, survivor, null, "tester"))
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("RESIDENT_MERGE_NOT_ACTIVE");

    registry.unmerge(mergeId, "tester");

    assertThat(row(survivor)).isEqualTo(survivorBefore);
    assertThat(row(merged)).isEqualTo(mergedBefore);
    assertThat(identifiers(survivor, merged)).isEqualTo(idsBefore);
    assertThat(events.stream(ResidentsUnmerged.class))
        .contains(new ResidentsUnmerged(mergeId, survivor, merged));
    assertThatThrownBy(() -> registry.unmerge(mergeId, "tester"))
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("RESIDENT_UNMERGE_DONE");
  }

  @Test
  void aMergeSettlesThePendingReviewAndUnmergeReopensIt() {
    LocalDate birth = People.randomBirthDate();
    RegistrationOutcome a =
        registry.register(
            People.person("陈美玲", "2", birth, People.randomPhone(), "塘村", "VC-A", "TS-A"));
    RegistrationOutcome b =
        registry.register(
            People.person("陈美龄", "2", birth, People.randomPhone(), "塘村", "VC-A", "TS-A"));
    assertThat(b.outcome()).isEqualTo(MatchOutcome.REVIEW);
    long mergeId = registry.merge(a.residentId(), b.residentId(), null, "tester");
    assertThat(reviewStatus(b.residentId())).isEqualTo("MERGED");
    registry.unmerge(mergeId, "tester");
    assertThat(reviewStatus(b.residentId())).isEqualTo("PENDING");
  }

  @Test
  void refusals() {
    LocalDate birth = People.randomBirthDate();
    long a =
        registry
            .register(
                People.person(
                    "何志强",
                    "1",
                    birth,
                    null,
                    "村",
                    "VC-A",
                    "TS-A",
                    IdentifierValue.of(IdentifierType.ID_CARD, People.idCard(birth, "1"))))
            .residentId();
    String other;
    do {
      other = People.idCard(birth, "1");
    } while (owners(other));
    long b =
        registry
            .register(
                People.person(
                    "何志刚",
                    "1",
                    birth,
                    null,
                    "村",
                    "VC-B",
                    "TS-A",
                    IdentifierValue.of(IdentifierType.ID_CARD, other)))
            .residentId();
    long mergesBefore =
        jdbc.sql("SELECT COUNT(*) FROM residents.resident_merge").query(Long.class).single();
    assertThatThrownBy(() -> registry.merge(a, a, null, "tester"))
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("RESIDENT_MERGE_SELF");
    assertThatThrownBy(() -> registry.merge(a, b, null, "tester"))
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("RESIDENT_MERGE_ID_CONFLICT");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM residents.resident_merge").query(Long.class).single())
        .isEqualTo(mergesBefore);
  }

  private boolean owners(String idCard) {
    return jdbc.sql("SELECT COUNT(*) FROM residents.identifier WHERE id_value = ?")
            .param(idCard)
            .query(Long.class)
            .single()
        > 0;
  }

  private String reviewStatus(long residentId) {
    return jdbc.sql("SELECT review_status FROM residents.match_decision WHERE resident_id = ?")
        .param(residentId)
        .query(String.class)
        .single();
  }

  private Map<String, Object> row(long id) {
    return jdbc.sql("SELECT * FROM residents.resident WHERE id = ?").param(id).query().singleRow();
  }

  private List<Map<String, Object>> identifiers(long a, long b) {
    return jdbc.sql(
            "SELECT * FROM residents.identifier WHERE original_resident_id IN (?, ?) ORDER BY id")
        .params(a, b)
        .query()
        .listOfRows();
  }

  private List<Long> owners(long a, long b) {
    return jdbc.sql(
            "SELECT resident_id FROM residents.identifier WHERE original_resident_id IN (?, ?)")
        .params(a, b)
        .query(Long.class)
        .list();
  }
}
