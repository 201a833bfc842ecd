package org.countyhealth.residents.record;

import java.util.List;
import org.countyhealth.residents.ResidentsMerged;
import org.countyhealth.residents.ResidentsUnmerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows the master index: on a merge the health records, check-ups, contracts and key-population
 * flags of the merged resident move to the survivor; on the unmerge each row moved by that merge
 * goes back to the resident it belonged to before it. The move log makes the unmerge exact even
 * after chained merges. Synchronous, in the merge's transaction: a merge is all or nothing.
 */
@Component
class MergeMoves {

  /** Tables of this part of the module that carry resident_id (children follow their parent). */
  static final List<String> TABLES =
      List.of("health_record", "check_up", "contract", "key_population_flag");

  private final JdbcClient jdbc;

  MergeMoves(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(ResidentsMerged merged) {
    for (String table : TABLES) {
      jdbc.sql(
              "INSERT INTO residents.record_merge_move (merge_id, table_name, row_id,"
                  + " from_resident_id) SELECT ?, ?, id, resident_id FROM residents."
                  + table
                  + " WHERE resident_id = ?")
          .params(merged.mergeId(), table, merged.mergedId())
          .update();
      jdbc.sql("UPDATE residents." + table + " SET resident_id = ? WHERE resident_id = ?")
          .params(merged.survivorId(), merged.mergedId())
          .update();
    }
  }

  @EventListener
  void on(ResidentsUnmerged unmerged) {
    for (String table : TABLES) {
      jdbc.sql(
              "UPDATE residents."
                  + table
                  + " SET resident_id = (SELECT m.from_resident_id FROM residents.record_merge_move m"
                  + " WHERE m.merge_id = ? AND m.table_name = ? AND m.row_id = residents."
                  + table
                  + ".id) WHERE id IN (SELECT m.row_id FROM residents.record_merge_move m"
                  + " WHERE m.merge_id = ? AND m.table_name = ?)")
          .params(unmerged.mergeId(), table, unmerged.mergeId(), table)
          .update();
      jdbc.sql("DELETE FROM residents.record_merge_move WHERE merge_id = ? AND table_name = ?")
          .params(unmerged.mergeId(), table)
          .update();
    }
  }
}
