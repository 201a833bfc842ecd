package org.countyhealth.chronic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.countyhealth.IntegrationTest;
import org.countyhealth.residents.ResidentRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The programme's rows follow merges of the resident index and come back on unmerges. */
@IntegrationTest
class ChronicMergeIT {

  @Autowired JdbcClient jdbc;
  @Autowired ChronicCare care;
  @Autowired ResidentRegistry registry;

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
    long enrolment = enrol(fx, merged);
    long visit = visit(fx, enrolment);

    long merge = registry.merge(survivor, merged, "同一人两次建档", "tester");
    assertThat(owner("enrolment", enrolment)).isEqualTo(survivor);
    assertThat(owner("follow_up", visit)).isEqualTo(survivor);

    registry.unmerge(merge, "tester");
    assertThat(owner("enrolment", enrolment)).isEqualTo(merged);
    assertThat(owner("follow_up", visit)).isEqualTo(merged);
    assertThat(moveLog(merge)).isZero();
  }

  /**
   * A merged into B, then B into C: undoing B→C brings back to B its own rows and A's (A is still
   * merged into B); undoing A→B then brings A's rows back to A.
   */
  @Test
  void chainedMergesAreUndoneStepByStep() {
    var fx = new ChronicFixtures(jdbc);
    long a = fx.resident(LocalDate.of(1955, 1, 1));
    long b = fx.resident(LocalDate.of(1955, 1, 1));
    long c = fx.resident(LocalDate.of(1955, 1, 1));
    long enrolmentOfA = enrol(fx, a);
    long visitOfA = visit(fx, enrolmentOfA);
    long enrolmentOfB = enrol(fx, b);
    long visitOfB = visit(fx, enrolmentOfB);

    long first = registry.merge(b, a, "同一人", "tester");
    long second = registry.merge(c, b, "同一人", "tester");
    assertThat(owners(enrolmentOfA, visitOfA, enrolmentOfB, visitOfB)).containsOnly(c);

    registry.unmerge(second, "tester");
    assertThat(owners(enrolmentOfA, visitOfA, enrolmentOfB, visitOfB)).containsOnly(b);

    registry.unmerge(first, "tester");
    assertThat(owners(enrolmentOfA, visitOfA)).containsOnly(a);
    assertThat(owners(enrolmentOfB, visitOfB)).containsOnly(b);
    assertThat(moveLog(first) + moveLog(second)).isZero();
  }

  private long enrol(ChronicFixtures fx, long resident) {
    return care.enrol(
        fx.doctor(),
        new EnrolmentRequest(
            resident, Disease.DIABETES, LocalDate.now().minusMonths(1), null, fx.village, null));
  }

  private long visit(ChronicFixtures fx, long enrolment) {
    return care.recordFollowUp(
            fx.doctor(),
            ChronicFixtures.visit(
                enrolment,
                LocalDate.now(),
                130,
                80,
                new BigDecimal("6.5"),
                Set.of(),
                Adherence.REGULAR,
                Adverse.NONE,
                false))
        .followUpId();
  }

  /** The owners of enrolments and follow-ups, given as pairs (enrolment, follow-up). */
  private List<Long> owners(long... pairs) {
    List<Long> owners = new ArrayList<>();
    for (int i = 0; i < pairs.length; i += 2) {
      owners.add(owner("enrolment", pairs[i]));
      owners.add(owner("follow_up", pairs[i + 1]));
    }
    return owners;
  }

  private long moveLog(long merge) {
    return jdbc.sql("SELECT COUNT(*) FROM chronic.merge_move WHERE merge_id = ?")
        .param(merge)
        .query(Long.class)
        .single();
  }
}
