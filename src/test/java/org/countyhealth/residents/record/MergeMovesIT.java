package org.countyhealth.residents.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.countyhealth.IntegrationTest;
import org.countyhealth.residents.Contracts;
import org.countyhealth.residents.HealthRecords;
import org.countyhealth.residents.KeyPopulation;
import org.countyhealth.residents.ResidentsMerged;
import org.countyhealth.residents.ResidentsUnmerged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A merge moves every row of this part of the module to the survivor; an unmerge restores it. */
@IntegrationTest
class MergeMovesIT {

  @Autowired JdbcClient jdbc;
  @Autowired HealthRecords records;
  @Autowired Contracts contracts;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;

  /** Owner of each row of each table, by row: "table:id→resident". */
  List<String> owners(long... residents) {
    List<Long> ids = java.util.Arrays.stream(residents).boxed().toList();
    return MergeMoves.TABLES.stream()
        .flatMap(
            t ->
                jdbc
                    .sql(
                        "SELECT id, resident_id, original_resident_id FROM residents."
                            + t
                            + " WHERE original_resident_id IN (:ids) ORDER BY id")
                    .param("ids", ids)
                    .query(
                        (rs, i) ->
                            t
                                + ":"
                                + rs.getLong(1)
                                + "→"
                                + rs.getLong(2)
                                + "("
                                + rs.getLong(3)
                                + ")")
                    .list()
                    .stream())
        .toList();
  }

  long populate(RecordFixtures f, long team, String name) {
    long resident =
        f.resident(name, "1", LocalDate.now().minusYears(70), RecordFixtures.TOWNSHIP_A, null);
    records.establish(resident, RecordFixtures.TOWNSHIP_A, "建档医生", LocalDate.now());
    records.recordCheckUp(
        new HealthRecords.NewCheckUp(
            resident,
            LocalDate.now(),
            null,
            "体检医生",
            new BigDecimal("170"),
            new BigDecimal("70"),
            null,
            130,
            80,
            null,
            null,
            null,
            null,
            "t"));
    contracts.sign(resident, team, "ELDERLY", LocalDate.now(), null, "t");
    contracts.flag(resident, KeyPopulation.HYPERTENSION, "t");
    return resident;
  }

  @Test
  void mergeMovesAllRowsAndUnmergeRestoresThemExactlyEvenAfterAChain() {
    RecordFixtures f = new RecordFixtures(jdbc);
    long team = f.team(RecordFixtures.TOWNSHIP_A, "合并测试团队");
    long survivor = populate(f, team, "合一");
    long merged = populate(f, team, "合二");
    long third = populate(f, team, "合三");
    List<String> before = owners(survivor, merged, third);

    // third → merged (merge 901), then merged → survivor (merge 902).
    tx.executeWithoutResult(s -> events.publishEvent(new ResidentsMerged(901, merged, third)));
    tx.executeWithoutResult(s -> events.publishEvent(new ResidentsMerged(902, survivor, merged)));

    for (String table : MergeMoves.TABLES) {
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM residents." + table + " WHERE resident_id = ?")
                  .param(survivor)
                  .query(Long.class)
                  .single())
          .as(table)
          .isEqualTo(3);
      assertThat(
              jdbc.sql(
                      "SELECT COUNT(DISTINCT original_resident_id) FROM residents."
                          + table
                          + " WHERE resident_id = ?")
                  .param(survivor)
                  .query(Long.class)
                  .single())
          .as("original owners remembered in " + table)
          .isEqualTo(3);
    }

    // Undo the last merge: merged gets back its rows and those of third (merged before).
    tx.executeWithoutResult(s -> events.publishEvent(new ResidentsUnmerged(902, survivor, merged)));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM residents.contract WHERE resident_id = ?")
                .param(merged)
                .query(Long.class)
                .single())
        .isEqualTo(2);
    tx.executeWithoutResult(s -> events.publishEvent(new ResidentsUnmerged(901, merged, third)));

    assertThat(owners(survivor, merged, third)).isEqualTo(before);
  }

  @Test
  void aFailedMergeMovesNothing() {
    RecordFixtures f = new RecordFixtures(jdbc);
    long team = f.team(RecordFixtures.TOWNSHIP_A, "回滚测试团队");
    long survivor = populate(f, team, "滚一");
    long merged = populate(f, team, "滚二");
    List<String> before = owners(survivor, merged);
    try {
      tx.executeWithoutResult(
          s -> {
            events.publishEvent(new ResidentsMerged(903, survivor, merged));
            throw new IllegalStateException("the master index failed after the event");
          });
    } catch (IllegalStateException expected) {
      // the merge's transaction rolls back, and with it the moves
    }
    assertThat(owners(survivor, merged)).isEqualTo(before);
  }
}
