package org.countyhealth.referral.domain;

import org.countyhealth.residents.ResidentsMerged;
import org.countyhealth.residents.ResidentsUnmerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows merges of the resident index: referrals move to the survivor and keep their original
 * owner, so that an unmerge restores them exactly. An open slot moves too, unless the survivor has
 * one in that direction already (both referrals then stay open and visible).
 */
@Component
class ReferralMergeMoves {

  private final JdbcClient jdbc;

  ReferralMergeMoves(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(ResidentsMerged merged) {
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
    jdbc.sql(
            "UPDATE referral.referral SET resident_id = original_resident_id"
                + " WHERE original_resident_id = ? AND resident_id = ?")
        .params(unmerged.restoredId(), unmerged.survivorId())
        .update();
    // Slots follow their open referrals back.
    jdbc.sql(
            "UPDATE referral.open_slot SET resident_id = ? WHERE resident_id = ? AND number IN"
                + " (SELECT number FROM referral.referral WHERE resident_id = ?)")
        .params(unmerged.restoredId(), unmerged.survivorId(), unmerged.restoredId())
        .update();
  }
}
