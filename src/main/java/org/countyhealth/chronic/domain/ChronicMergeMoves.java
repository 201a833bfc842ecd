package org.countyhealth.chronic.domain;

import java.util.List;
import org.countyhealth.residents.ResidentsMerged;
import org.countyhealth.residents.ResidentsUnmerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves the programme's rows on a merge of residents and back on an unmerge (docs/residents.md,
 * "Review, merge, unmerge"). Each move is logged by merge in {@code chronic.merge_move}, as the
 * health record's moves are, not read back from {@code original_resident_id}: with A merged into B
 * and B into C, undoing B→C must bring A's rows back to B (A is still merged into B), and only the
 * later unmerge of A→B back to A. Synchronous, in the merge's transaction.
 */
@Component
class ChronicMergeMoves {

  static final List<String> TABLES =
      List.of(
          "screening",
          "high_risk",
          "enrolment",
          "follow_up",
          "grade_change",
          "referral_suggestion",
          "qc_sample");

  private final JdbcClient jdbc;

  ChronicMergeMoves(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(ResidentsMerged merged) {
    for (String table : TABLES) {
      jdbc.sql(
              "INSERT INTO chronic.merge_move (merge_id, table_name, row_id, from_resident_id)"
                  + " SELECT ?, ?, id, resident_id FROM chronic."
                  + table
                  + " WHERE resident_id = ?")
          .params(merged.mergeId(), table, merged.mergedId())
          .update();
      jdbc.sql("UPDATE chronic." + table + " SET resident_id = ? WHERE resident_id = ?")
          .params(merged.survivorId(), merged.mergedId())
          .update();
    }
  }

  @EventListener
  void on(ResidentsUnmerged unmerged) {
    long merge = unmerged.mergeId();
    for (String table : TABLES) {
      jdbc.sql(
              "UPDATE chronic."
                  + table
                  + " SET resident_id = (SELECT m.from_resident_id FROM chronic.merge_move m"
                  + " WHERE m.merge_id = ? AND m.table_name = ? AND m.row_id = chronic."
                  + table
                  + ".id) WHERE id IN (SELECT m.row_id FROM chronic.merge_move m"
                  + " WHERE m.merge_id = ? AND m.table_name = ?)")
          .params(merge, table, merge, table)
          .update();
    }
    jdbc.sql("DELETE FROM chronic.merge_move WHERE merge_id = ?").param(merge).update();
  }
}
