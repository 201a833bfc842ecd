package org.countyhealth.residents.domain;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Potential duplicates awaiting a person's decision, and the merges that can be undone. */
@Service
@Transactional(readOnly = true)
public class ReviewQueue {

  public record Pending(
      long decisionId,
      long residentId,
      long candidateId,
      String outcome,
      double score,
      String fieldScores,
      String source,
      LocalDateTime createdAt) {

    /** Field scores split for display: "name=HOMOPHONE:+4.6" entries. */
    public List<String> fields() {
      return fieldScores == null ? List.of() : List.of(fieldScores.split(" "));
    }
  }

  public record Pair(Pending decision, ResidentDetails left, ResidentDetails right) {}

  public record MergeRow(
      long id,
      long survivorId,
      long mergedId,
      String survivorName,
      String mergedName,
      String reason,
      String mergedBy,
      LocalDateTime mergedAt,
      LocalDateTime undoneAt) {}

  private final JdbcClient jdbc;
  private final ResidentDirectory directory;

  ReviewQueue(JdbcClient jdbc, ResidentDirectory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  /** Pending pairs where either record is in the scope, highest score first. */
  public List<Pending> pending(DataScope scope, int limit) {
    ResidentScope a = ResidentScope.of(scope, "a");
    ResidentScope b = ResidentScope.of(scope, "b");
    Map<String, Object> params = new HashMap<>(a.params());
    params.put("limit", limit);
    return jdbc.sql(
            "SELECT d.* FROM residents.match_decision d"
                + " JOIN residents.resident a ON a.id = d.resident_id"
                + " JOIN residents.resident b ON b.id = d.candidate_id"
                + " WHERE d.review_status = 'PENDING' AND a.status = 'ACTIVE' AND b.status = 'ACTIVE'"
                + " AND ("
                + a.sql()
                + " OR "
                + b.sql()
                + ") ORDER BY d.score DESC, d.id LIMIT :limit")
        .params(params)
        .query(ReviewQueue::pending)
        .list();
  }

  public long pendingCount() {
    return jdbc.sql("SELECT COUNT(*) FROM residents.match_decision WHERE review_status = 'PENDING'")
        .query(Long.class)
        .single();
  }

  public Pair pair(long decisionId, DataScope scope) {
    Pending p =
        jdbc.sql("SELECT * FROM residents.match_decision WHERE id = ? AND candidate_id IS NOT NULL")
            .param(decisionId)
            .query(ReviewQueue::pending)
            .optional()
            .orElseThrow(() -> new NotFound("REVIEW_NOT_FOUND", "找不到该疑似重复记录"));
    if (!directory.inScope(p.residentId(), scope) && !directory.inScope(p.candidateId(), scope)) {
      throw new NotFound("REVIEW_NOT_FOUND", "找不到该疑似重复记录");
    }
    return new Pair(
        p,
        directory.details(p.candidateId()).orElseThrow(),
        directory.details(p.residentId()).orElseThrow());
  }

  /** Whether the survivor of the merge is in the scope (who may undo it). */
  public boolean mergeInScope(long mergeId, DataScope scope) {
    return jdbc.sql("SELECT survivor_id FROM residents.resident_merge WHERE id = ?")
        .param(mergeId)
        .query(Long.class)
        .optional()
        .map(survivor -> directory.inScope(survivor, scope))
        .orElse(false);
  }

  /** A reviewer decided the two records are different people. */
  @Transactional
  public void markDistinct(long decisionId, String actor) {
    int n =
        jdbc.sql(
                "UPDATE residents.match_decision SET review_status = 'DISTINCT', reviewed_by = ?,"
                    + " reviewed_at = ? WHERE id = ? AND review_status = 'PENDING'")
            .params(actor, Timestamp.valueOf(LocalDateTime.now(Registration.CHINA)), decisionId)
            .update();
    if (n == 0) {
      throw new BusinessException("REVIEW_ALREADY_DECIDED", "该疑似重复记录已处理");
    }
  }

  public List<MergeRow> merges(DataScope scope, int limit) {
    ResidentScope s = ResidentScope.of(scope, "s");
    Map<String, Object> params = new HashMap<>(s.params());
    params.put("limit", limit);
    return jdbc.sql(
            "SELECT m.*, s.name AS survivor_name, x.name AS merged_name FROM residents.resident_merge m"
                + " JOIN residents.resident s ON s.id = m.survivor_id"
                + " JOIN residents.resident x ON x.id = m.merged_id WHERE "
                + s.sql()
                + " ORDER BY m.id DESC LIMIT :limit")
        .params(params)
        .query(
            (rs, n) ->
                new MergeRow(
                    rs.getLong("id"),
                    rs.getLong("survivor_id"),
                    rs.getLong("merged_id"),
                    rs.getString("survivor_name"),
                    rs.getString("merged_name"),
                    rs.getString("reason"),
                    rs.getString("merged_by"),
                    rs.getTimestamp("merged_at").toLocalDateTime(),
                    rs.getTimestamp("undone_at") == null
                        ? null
                        : rs.getTimestamp("undone_at").toLocalDateTime()))
        .list();
  }

  private static Pending pending(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Pending(
        rs.getLong("id"),
        rs.getLong("resident_id"),
        rs.getLong("candidate_id"),
        rs.getString("outcome"),
        rs.getBigDecimal("score") == null ? 0 : rs.getBigDecimal("score").doubleValue(),
        rs.getString("field_scores"),
        rs.getString("source"),
        rs.getTimestamp("created_at").toLocalDateTime());
  }
}
