package org.countyhealth.residents.domain;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.countyhealth.residents.ResidentsMerged;
import org.countyhealth.residents.ResidentsUnmerged;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merge and unmerge. A merge moves the merged record's identifiers to the survivor and remembers,
 * row by row, what moved (merge_item) and the merged record's prior state, so that an unmerge
 * restores both records exactly; other modules do the same on {@link ResidentsMerged}.
 */
@Component
class Merges {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  Merges(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  private record State(long id, String status, Timestamp updatedAt, int version) {}

  long merge(long survivorId, long mergedId, String reason, String actor) {
    if (survivorId == mergedId) {
      throw new BusinessException("RESIDENT_MERGE_SELF", "不能将居民档案与其自身合并", "mergedId");
    }
    State survivor = lock(survivorId);
    State merged = lock(mergedId);
    if (!"ACTIVE".equals(survivor.status()) || !"ACTIVE".equals(merged.status())) {
      throw new BusinessException("RESIDENT_MERGE_NOT_ACTIVE", "只能合并两份有效的居民档案（已合并或作废的档案不能再合并）");
    }
    List<String> idCards =
        jdbc.sql(
                "SELECT DISTINCT id_value FROM residents.identifier WHERE resident_id IN (?, ?)"
                    + " AND type = 'ID_CARD' AND active_token = 1")
            .params(survivorId, mergedId)
            .query(String.class)
            .list();
    if (idCards.size() > 1) {
      throw new BusinessException("RESIDENT_MERGE_ID_CONFLICT", "两份档案的身份证号码不同，不是同一人，不能合并");
    }
    LocalDateTime now = LocalDateTime.now(Registration.CHINA);
    org.springframework.jdbc.support.GeneratedKeyHolder key =
        new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO residents.resident_merge (survivor_id, merged_id, reason, merged_by, merged_at,"
                + " merged_prev_status, merged_prev_updated_at, merged_prev_version)"
                + " VALUES (?,?,?,?,?,?,?,?)")
        .params(
            survivorId,
            mergedId,
            reason,
            actor,
            Timestamp.valueOf(now),
            merged.status(),
            merged.updatedAt(),
            merged.version())
        .update(key, "id");
    long mergeId = key.getKey().longValue();
    jdbc.sql(
            "INSERT INTO residents.merge_item (merge_id, object_type, object_id, from_resident)"
                + " SELECT ?, 'IDENTIFIER', id, resident_id FROM residents.identifier"
                + " WHERE resident_id = ?")
        .params(mergeId, mergedId)
        .update();
    jdbc.sql("UPDATE residents.identifier SET resident_id = ? WHERE resident_id = ?")
        .params(survivorId, mergedId)
        .update();
    // Pending reviews of this very pair are settled by the merge.
    jdbc.sql(
            "INSERT INTO residents.merge_item (merge_id, object_type, object_id, from_resident,"
                + " prev_value) SELECT ?, 'MATCH_DECISION', id, resident_id, review_status"
                + " FROM residents.match_decision WHERE review_status = 'PENDING' AND"
                + " ((resident_id = ? AND candidate_id = ?) OR (resident_id = ? AND candidate_id = ?))")
        .params(mergeId, survivorId, mergedId, mergedId, survivorId)
        .update();
    jdbc.sql(
            "UPDATE residents.match_decision SET review_status = 'MERGED', reviewed_by = ?,"
                + " reviewed_at = ? WHERE id IN (SELECT object_id FROM residents.merge_item"
                + " WHERE merge_id = ? AND object_type = 'MATCH_DECISION')")
        .params(actor, Timestamp.valueOf(now), mergeId)
        .update();
    // The survivor takes over the merged record's identity card number when it had none.
    jdbc.sql(
            "INSERT INTO residents.merge_item (merge_id, object_type, object_id, from_resident)"
                + " SELECT ?, 'SURVIVOR_ID_CARD', s.id, s.id FROM residents.resident s, residents.resident m"
                + " WHERE s.id = ? AND m.id = ? AND s.id_card IS NULL AND m.id_card IS NOT NULL")
        .params(mergeId, survivorId, mergedId)
        .update();
    jdbc.sql(
            "UPDATE residents.resident SET id_card = (SELECT m.id_card FROM residents.resident m"
                + " WHERE m.id = ?) WHERE id = ? AND id_card IS NULL")
        .params(mergedId, survivorId)
        .update();
    jdbc.sql(
            "UPDATE residents.resident SET status = 'MERGED', merged_into = ?, updated_at = ?,"
                + " version = version + 1 WHERE id = ?")
        .params(survivorId, Timestamp.valueOf(now), mergedId)
        .update();
    events.publishEvent(new ResidentsMerged(mergeId, survivorId, mergedId));
    return mergeId;
  }

  void unmerge(long mergeId, String actor) {
    record Merge(
        long survivorId,
        long mergedId,
        String prevStatus,
        Timestamp prevUpdated,
        int prevVersion,
        Timestamp undoneAt) {}
    Merge m =
        jdbc.sql(
                "SELECT survivor_id, merged_id, merged_prev_status, merged_prev_updated_at,"
                    + " merged_prev_version, undone_at FROM residents.resident_merge WHERE id = ? FOR UPDATE")
            .param(mergeId)
            .query(
                (rs, n) ->
                    new Merge(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4),
                        rs.getInt(5),
                        rs.getTimestamp(6)))
            .optional()
            .orElseThrow(() -> new NotFound("RESIDENT_MERGE_NOT_FOUND", "找不到该合并记录"));
    if (m.undoneAt() != null) {
      throw new BusinessException("RESIDENT_UNMERGE_DONE", "该合并已撤销");
    }
    State survivor = lock(m.survivorId());
    State merged = lock(m.mergedId());
    if (!"ACTIVE".equals(survivor.status()) || !"MERGED".equals(merged.status())) {
      throw new BusinessException("RESIDENT_UNMERGE_ORDER", "保留档案此后又被合并，请先撤销后续的合并");
    }
    jdbc.sql(
            "UPDATE residents.identifier SET resident_id = (SELECT i.from_resident FROM"
                + " residents.merge_item i WHERE i.merge_id = ? AND i.object_type = 'IDENTIFIER'"
                + " AND i.object_id = residents.identifier.id) WHERE id IN (SELECT object_id FROM"
                + " residents.merge_item WHERE merge_id = ? AND object_type = 'IDENTIFIER')")
        .params(mergeId, mergeId)
        .update();
    jdbc.sql(
            "UPDATE residents.match_decision SET review_status = (SELECT i.prev_value FROM"
                + " residents.merge_item i WHERE i.merge_id = ? AND i.object_type ="
                + " 'MATCH_DECISION' AND i.object_id = residents.match_decision.id),"
                + " reviewed_by = NULL, reviewed_at = NULL WHERE id IN (SELECT object_id FROM"
                + " residents.merge_item WHERE merge_id = ? AND object_type = 'MATCH_DECISION')")
        .params(mergeId, mergeId)
        .update();
    jdbc.sql(
            "UPDATE residents.resident SET id_card = NULL WHERE id = ? AND EXISTS (SELECT 1 FROM"
                + " residents.merge_item i WHERE i.merge_id = ? AND i.object_type = 'SURVIVOR_ID_CARD')")
        .params(m.survivorId(), mergeId)
        .update();
    jdbc.sql(
            "UPDATE residents.resident SET status = ?, merged_into = NULL, updated_at = ?,"
                + " version = ? WHERE id = ?")
        .params(m.prevStatus(), m.prevUpdated(), m.prevVersion(), m.mergedId())
        .update();
    jdbc.sql("UPDATE residents.resident_merge SET undone_by = ?, undone_at = ? WHERE id = ?")
        .params(actor, Timestamp.valueOf(LocalDateTime.now(Registration.CHINA)), mergeId)
        .update();
    events.publishEvent(new ResidentsUnmerged(mergeId, m.survivorId(), m.mergedId()));
  }

  private State lock(long id) {
    return jdbc.sql(
            "SELECT id, status, updated_at, version FROM residents.resident WHERE id = ? FOR UPDATE")
        .param(id)
        .query(
            (rs, n) -> new State(rs.getLong(1), rs.getString(2), rs.getTimestamp(3), rs.getInt(4)))
        .optional()
        .orElseThrow(() -> new NotFound("RESIDENT_NOT_FOUND", "找不到该居民档案"));
  }
}
