package org.countyhealth.chronic.domain;

import java.util.List;
import org.countyhealth.residents.ResidentsMerged;
import org.countyhealth.residents.ResidentsUnmerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Moves the programme's rows on a merge of residents and back on an unmerge. */
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
      jdbc.sql("UPDATE chronic." + table + " SET resident_id = ? WHERE resident_id = ?")
          .params(merged.survivorId(), merged.mergedId())
          .update();
    }
  }

  @EventListener
  void on(ResidentsUnmerged unmerged) {
    for (String table : TABLES) {
      jdbc.sql(
              "UPDATE chronic."
                  + table
                  + " SET resident_id = original_resident_id"
                  + " WHERE resident_id = ? AND original_resident_id = ?")
          .params(unmerged.survivorId(), unmerged.restoredId())
          .update();
    }
  }
}
