package org.countyhealth.referral.domain;

import java.util.List;
import org.countyhealth.referral.rules.ReferralStatus;
import org.countyhealth.residents.ResidentsMerged;
import org.countyhealth.residents.ResidentsUnmerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows merges of the resident index (docs/referral.md, "Merged residents"): referrals move to
 * the survivor, each move logged by merge in {@code referral.referral_merge_move} so that the
 * unmerge puts back exactly what that merge moved, even after a later merge into the survivor was
 * undone first ({@code original_resident_id} would leave a chained merge's referrals at the last
 * survivor). An open slot moves too, unless the survivor has one in that direction already (both
 * referrals then stay open and visible). On the unmerge the slots follow their open referrals back.
 * Synchronous, in the merge's transaction.
 */
@Component
class ReferralMergeMoves {

  private final JdbcClient jdbc;

  ReferralMergeMoves(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(ResidentsMerged merged) {
    jdbc.sql(
            "INSERT INTO referral.referral_merge_move (merge_id, referral_id, from_resident_id)"
                + " SELECT ?, id, resident_id FROM referral.referral WHERE resident_id = ?")
        .params(merged.mergeId(), merged.mergedId())
        .update();
    jdbc.sql("UPDATE referral.referral SET resident_id = ? WHERE resident_id = ?")
        .params(merged.survivorId(), merged.mergedId())
        .update();
    jdbc.sql(
            "UPDATE referral.open_slot SET resident_id = ? WHERE resident_id = ? AND direction NOT IN"
                + " (SELECT direction FROM referral.open_slot WHERE resident_id = ?)")
        .params(merged.survivorId(), merged.mergedId(), merged.survivorId())
        .update();
    jdbc.sql("DELETE FROM referral.open_slot WHERE resident_id = ?")
        .param(merged.mergedId())
        .update();
  }

  @EventListener
  void on(ResidentsUnmerged unmerged) {
    long merge = unmerged.mergeId();
    jdbc.sql(
            "UPDATE referral.referral SET resident_id = (SELECT m.from_resident_id FROM"
                + " referral.referral_merge_move m WHERE m.merge_id = ? AND m.referral_id ="
                + " referral.referral.id) WHERE id IN (SELECT m.referral_id FROM"
                + " referral.referral_merge_move m WHERE m.merge_id = ?)")
        .params(merge, merge)
        .update();
    record Back(String number, String direction, long residentId, boolean open) {}
    List<Back> open =
        jdbc
            .sql(
                "SELECT r.number, r.direction, r.resident_id, r.status FROM referral.referral r"
                    + " JOIN referral.referral_merge_move m ON m.referral_id = r.id"
                    + " WHERE m.merge_id = ? ORDER BY r.id")
            .param(merge)
            .query(
                (rs, n) ->
                    new Back(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getLong(3),
                        ReferralStatus.valueOf(rs.getString(4)).open()))
            .list()
            .stream()
            .filter(Back::open)
            .toList();
    // First the slots that moved with their referrals, then those the merge dropped.
    open.forEach(r -> followBack(r.number(), r.direction(), r.residentId()));
    open.forEach(r -> claimAgain(r.number(), r.direction(), r.residentId()));
    jdbc.sql("DELETE FROM referral.referral_merge_move WHERE merge_id = ?").param(merge).update();
  }

  /** The slot of an open referral that went back follows it, if its resident has none. */
  private void followBack(String number, String direction, long residentId) {
    if (hasSlot(residentId, direction)) {
      // The referral stays open without a slot (as when a merge drops one); its slot must not
      // hold the survivor's direction.
      jdbc.sql("DELETE FROM referral.open_slot WHERE number = ? AND resident_id <> ?")
          .params(number, residentId)
          .update();
    } else {
      jdbc.sql("UPDATE referral.open_slot SET resident_id = ? WHERE number = ?")
          .params(residentId, number)
          .update();
    }
  }

  /** A slot the merge dropped (the survivor had one) is claimed again if the resident has none. */
  private void claimAgain(String number, String direction, long residentId) {
    if (!hasSlot(residentId, direction)) {
      jdbc.sql("INSERT INTO referral.open_slot (resident_id, direction, number) VALUES (?, ?, ?)")
          .params(residentId, direction, number)
          .update();
    }
  }

  private boolean hasSlot(long residentId, String direction) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM referral.open_slot WHERE resident_id = ? AND direction = ?")
            .params(residentId, direction)
            .query(Long.class)
            .single()
        > 0;
  }
}
