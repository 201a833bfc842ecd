package org.countyhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.countyhealth.IntegrationTest;
import org.countyhealth.referral.domain.ReferralService;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.shared.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Referrals and their open slots follow merges of the resident index and come back on unmerges,
 * also in a chain of merges (docs/referral.md, "Merged residents").
 */
@IntegrationTest
class ReferralMergeIT {

  @Autowired JdbcClient jdbc;
  @Autowired ReferralService referralService;
  @Autowired ResidentRegistry registry;

  ReferralFixtures fx;
  SignedReferralService service;
  Actor townDoctor;

  @BeforeEach
  void setUp() {
    fx = new ReferralFixtures(jdbc);
    service = new SignedReferralService(referralService);
    townDoctor = ReferralFixtures.doctorOf(fx.township);
  }

  /**
   * A merged into B, then B into C. A's open up-referral loses its slot at the first merge (B has
   * one); B's slot moves on to C. Undoing B→C brings all of A's and B's referrals back to B with
   * B's slot; undoing A→B brings A's referrals back to A, and A's open referral its slot.
   */
  @Test
  void chainedMergesAreUndoneStepByStep() {
    long a = fx.resident("链甲");
    long b = fx.resident("链乙");
    long c = fx.resident("链丙");
    long cancelledOfA = service.create(townDoctor, fx.hypertensionUp(a), true);
    service.cancel(townDoctor, cancelledOfA, "患者要求暂缓转诊");
    long openOfA = service.create(townDoctor, fx.hypertensionUp(a), true);
    long openOfB = service.create(townDoctor, fx.hypertensionUp(b), true);

    long first = registry.merge(b, a, "同一人", "tester");
    assertThat(slots(a)).isEmpty();
    assertThat(slots(b)).containsExactly(number(openOfB));
    long second = registry.merge(c, b, "同一人", "tester");
    assertThat(owners(cancelledOfA, openOfA, openOfB)).containsOnly(c);
    assertThat(slots(b)).isEmpty();
    assertThat(slots(c)).containsExactly(number(openOfB));

    registry.unmerge(second, "tester");
    assertThat(owners(cancelledOfA, openOfA, openOfB)).containsOnly(b);
    assertThat(slots(b)).containsExactly(number(openOfB));
    assertThat(slots(c)).isEmpty();

    registry.unmerge(first, "tester");
    assertThat(owners(cancelledOfA, openOfA)).containsOnly(a);
    assertThat(owners(openOfB)).containsOnly(b);
    assertThat(slots(a)).containsExactly(number(openOfA));
    assertThat(slots(b)).containsExactly(number(openOfB));
    assertThat(moveLog(first) + moveLog(second)).isZero();
    // C holds no referral of A or B: it may be referred up now.
    service.create(townDoctor, fx.hypertensionUp(c), true);
  }

  @Test
  void aSlotThatMovedFollowsItsReferralBack() {
    long survivor = fx.resident("槽甲");
    long merged = fx.resident("槽乙");
    long openOfMerged = service.create(townDoctor, fx.hypertensionUp(merged), true);
    long merge = registry.merge(survivor, merged, "同一人", "tester");
    assertThat(slots(survivor)).containsExactly(number(openOfMerged));

    registry.unmerge(merge, "tester");
    assertThat(owners(openOfMerged)).containsOnly(merged);
    assertThat(slots(merged)).containsExactly(number(openOfMerged));
    assertThat(slots(survivor)).isEmpty();
  }

  private List<Long> owners(long... referrals) {
    return java.util.Arrays.stream(referrals)
        .mapToObj(
            id ->
                jdbc.sql("SELECT resident_id FROM referral.referral WHERE id = ?")
                    .param(id)
                    .query(Long.class)
                    .single())
        .toList();
  }

  private String number(long referral) {
    return jdbc.sql("SELECT number FROM referral.referral WHERE id = ?")
        .param(referral)
        .query(String.class)
        .single();
  }

  private List<String> slots(long resident) {
    return jdbc.sql("SELECT number FROM referral.open_slot WHERE resident_id = ? ORDER BY number")
        .param(resident)
        .query(String.class)
        .list();
  }

  private long moveLog(long merge) {
    return jdbc.sql("SELECT COUNT(*) FROM referral.referral_merge_move WHERE merge_id = ?")
        .param(merge)
        .query(Long.class)
        .single();
  }
}
