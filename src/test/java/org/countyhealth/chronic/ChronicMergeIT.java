package org.countyhealth.chronic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.countyhealth.IntegrationTest;
import org.countyhealth.residents.ResidentsMerged;
import org.countyhealth.residents.ResidentsUnmerged;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class ChronicMergeIT {

  @Autowired JdbcClient jdbc;
  @Autowired ChronicCare care;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;

  long owner(String table, long id) {
    return jdbc.sql("SELECT resident_id FROM chronic." + table + " WHERE id = ?")
        .param(id)
        .query(Long.class)
        .single();
  }

  @Test
  void mergeMovesTheProgrammeRowsAndUnmergeRestoresThem() {
    var fx = new ChronicFixtures(jdbc);
    long survivor = fx.resident(LocalDate.of(1955, 1, 1));
    long merged = fx.resident(LocalDate.of(1955, 1, 1));
    long enrolment =
        care.enrol(
            fx.doctor(),
            new EnrolmentRequest(
                merged, Disease.DIABETES, LocalDate.now().minusMonths(1), null, fx.village, null));
    long visit =
        care.recordFollowUp(
                fx.doctor(),
                ChronicFixtures.visit(
                    enrolment,
                    LocalDate.now(),
                    130,
                    80,
                    new java.math.BigDecimal("6.5"),
                    java.util.Set.of(),
                    Adherence.REGULAR,
                    Adverse.NONE,
                    false))
            .followUpId();

    tx.executeWithoutResult(s -> events.publishEvent(new ResidentsMerged(91L, survivor, merged)));
    assertThat(owner("enrolment", enrolment)).isEqualTo(survivor);
    assertThat(owner("follow_up", visit)).isEqualTo(survivor);

    tx.executeWithoutResult(s -> events.publishEvent(new ResidentsUnmerged(91L, survivor, merged)));
    assertThat(owner("enrolment", enrolment)).isEqualTo(merged);
    assertThat(owner("follow_up", visit)).isEqualTo(merged);
  }
}
