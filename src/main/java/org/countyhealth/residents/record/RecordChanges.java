package org.countyhealth.residents.record;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.countyhealth.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The correction history of health records and check-ups, field by field. */
@Component
public class RecordChanges {

  static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("bloodAbo", "ABO血型"),
          Map.entry("bloodRh", "Rh血型"),
          Map.entry("drugAllergies", "药物过敏史"),
          Map.entry("disability", "残疾情况"),
          Map.entry("exposure", "暴露史"),
          Map.entry("smoking", "吸烟情况"),
          Map.entry("drinking", "饮酒情况"),
          Map.entry("exercise", "体育锻炼"),
          Map.entry("diet", "饮食习惯"),
          Map.entry("examDate", "体检日期"),
          Map.entry("heightCm", "身高"),
          Map.entry("weightKg", "体重"),
          Map.entry("waistCm", "腰围"),
          Map.entry("sbpLeft", "左侧收缩压"),
          Map.entry("dbpLeft", "左侧舒张压"),
          Map.entry("sbpRight", "右侧收缩压"),
          Map.entry("dbpRight", "右侧舒张压"),
          Map.entry("heartRate", "心率"),
          Map.entry("temperature", "体温"),
          Map.entry("bmi", "体质指数"));

  private final JdbcClient jdbc;

  RecordChanges(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BusinessException("REASON_REQUIRED", "请填写原因", "reason");
    }
    if (reason.length() > 200) {
      throw new BusinessException("REASON_TOO_LONG", "原因不能超过200字", "reason");
    }
    return reason.strip();
  }

  /**
   * Writes one history row per field whose value differs; answers how many. Values are compared as
   * the text the form shows, so that 60 and 60.0 are the same weight.
   */
  int log(
      String entityType,
      long entityId,
      Map<String, String> before,
      Map<String, String> after,
      String reason,
      String by) {
    int changed = 0;
    LocalDateTime now = LocalDateTime.now();
    for (var entry : after.entrySet()) {
      String old = before.get(entry.getKey());
      if (!Objects.equals(old, entry.getValue())) {
        jdbc.sql(
                "INSERT INTO residents.record_change (entity_type, entity_id, field, old_value,"
                    + " new_value, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .params(entityType, entityId, entry.getKey(), old, entry.getValue(), reason, by, now)
            .update();
        changed++;
      }
    }
    return changed;
  }

  public List<Change> of(String entityType, List<Long> entityIds) {
    if (entityIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT entity_id, field, old_value, new_value, reason, changed_by, changed_at"
                + " FROM residents.record_change WHERE entity_type = :type AND entity_id IN (:ids)"
                + " ORDER BY changed_at DESC, id DESC")
        .param("type", entityType)
        .param("ids", entityIds)
        .query(
            (rs, i) ->
                new Change(
                    rs.getLong("entity_id"),
                    rs.getString("field"),
                    LABELS.getOrDefault(rs.getString("field"), rs.getString("field")),
                    rs.getString("old_value"),
                    rs.getString("new_value"),
                    rs.getString("reason"),
                    rs.getString("changed_by"),
                    rs.getObject("changed_at", LocalDateTime.class)))
        .list();
  }
}
