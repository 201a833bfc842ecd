package org.countyhealth.residents.domain;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.List;
import org.countyhealth.residents.MatchOutcome;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Match decisions: why each registration was linked, flagged or created; the review queue. */
@Repository
class DecisionRows {

  private final JdbcTemplate jdbcTemplate;

  DecisionRows(JdbcTemplate jdbcTemplate) {
    this.jdbcTemplate = jdbcTemplate;
  }

  record NewDecision(
      long residentId,
      Long candidateId,
      MatchOutcome outcome,
      Double score,
      String fieldScores,
      String source) {}

  void insertAll(List<NewDecision> rows, LocalDateTime now) {
    if (rows.isEmpty()) {
      return;
    }
    Timestamp at = Timestamp.valueOf(now);
    jdbcTemplate.batchUpdate(
        "INSERT INTO residents.match_decision (resident_id, candidate_id, outcome, score,"
            + " field_scores, source, review_status, created_at) VALUES (?,?,?,?,?,?,?,?)",
        rows,
        1000,
        (ps, d) -> {
          ps.setLong(1, d.residentId());
          if (d.candidateId() == null) {
            ps.setNull(2, Types.BIGINT);
          } else {
            ps.setLong(2, d.candidateId());
          }
          ps.setString(3, d.outcome().name());
          if (d.score() == null) {
            ps.setNull(4, Types.NUMERIC);
          } else {
            ps.setBigDecimal(4, java.math.BigDecimal.valueOf(d.score()));
          }
          ps.setString(5, d.fieldScores());
          ps.setString(6, d.source());
          ps.setString(
              7,
              d.outcome() == MatchOutcome.REVIEW || "SCAN".equals(d.source()) ? "PENDING" : null);
          ps.setTimestamp(8, at);
        });
  }
}
