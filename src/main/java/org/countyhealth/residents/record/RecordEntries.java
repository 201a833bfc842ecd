package org.countyhealth.residents.record;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.residents.record.rules.RecordVocabulary.FamilyDisease;
import org.countyhealth.residents.record.rules.RecordVocabulary.HistoryKind;
import org.countyhealth.residents.record.rules.RecordVocabulary.Relation;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Past history (既往史: illnesses with diagnosis dates, surgeries, trauma, transfusions) and family
 * history (家族史) of a health record: added, or voided with reason, never edited or deleted.
 */
@Service
@Transactional
public class RecordEntries {

  private final JdbcClient jdbc;
  private final HealthRecordService records;
  private final AuditTrail audit;

  RecordEntries(JdbcClient jdbc, HealthRecordService records, AuditTrail audit) {
    this.jdbc = jdbc;
    this.records = records;
    this.audit = audit;
  }

  public long addMedical(Actor actor, long recordId, String kind, String name, LocalDate on) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    long residentId = records.activeRecordOwner(actor, recordId);
    String code = RecordInput.code(HistoryKind.class, kind, "kind", null);
    if (code == null) {
      throw new BusinessException("RECORD_CODE_INVALID", "请选择类别", "kind");
    }
    String text = RecordInput.text(name, "name", 100);
    if (text == null) {
      throw new BusinessException("HISTORY_NAME_REQUIRED", "请填写名称", "name");
    }
    if (on == null || on.isAfter(LocalDate.now())) {
      throw new BusinessException("HISTORY_DATE_INVALID", "请填写不晚于今天的日期", "occurredOn");
    }
    long id =
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO residents.medical_history (record_id, kind, name, occurred_on,"
                        + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(recordId, code, text, on, actor.username(), LocalDateTime.now()));
    audit.describe("HEALTH_RECORD_HISTORY_ADD", "Resident", String.valueOf(residentId));
    return id;
  }

  public long addFamily(
      Actor actor, long recordId, String relation, String disease, String otherText) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    long residentId = records.activeRecordOwner(actor, recordId);
    String rel = RecordInput.code(Relation.class, relation, "relation", null);
    String dis = RecordInput.code(FamilyDisease.class, disease, "disease", null);
    if (rel == null || dis == null) {
      throw new BusinessException(
          "RECORD_CODE_INVALID", "请选择亲属和疾病", rel == null ? "relation" : "disease");
    }
    String other = RecordInput.text(otherText, "otherText", 100);
    if (FamilyDisease.OTHER.name().equals(dis) && other == null) {
      throw new BusinessException("FAMILY_OTHER_TEXT_REQUIRED", "选择“其他”时请填写疾病名称", "otherText");
    }
    boolean duplicate =
        !FamilyDisease.OTHER.name().equals(dis)
            && jdbc.sql(
                        "SELECT COUNT(*) FROM residents.family_history WHERE record_id = ?"
                            + " AND relation = ? AND disease = ? AND status = 'ACTIVE'")
                    .params(recordId, rel, dis)
                    .query(Long.class)
                    .single()
                > 0;
    if (duplicate) {
      throw new BusinessException("FAMILY_HISTORY_DUPLICATE", "该条家族史已登记", "disease");
    }
    long id =
        Inserts.returningId(
            jdbc.sql(
                    "INSERT INTO residents.family_history (record_id, relation, disease,"
                        + " other_text, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(recordId, rel, dis, other, actor.username(), LocalDateTime.now()));
    audit.describe("HEALTH_RECORD_FAMILY_ADD", "Resident", String.valueOf(residentId));
    return id;
  }

  /** Voids a past-history ({@code medical_history}) or family-history entry. */
  public void voidEntry(Actor actor, String table, long entryId, String reason) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    String tableName =
        switch (table) {
          case "medical" -> "residents.medical_history";
          case "family" -> "residents.family_history";
          default -> throw new NotFound("ENTRY_NOT_FOUND", "未找到该条记录");
        };
    String why = RecordChanges.requireReason(reason);
    long recordId =
        jdbc.sql("SELECT record_id FROM " + tableName + " WHERE id = ? AND status = 'ACTIVE'")
            .param(entryId)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new NotFound("ENTRY_NOT_FOUND", "未找到该条记录"));
    long residentId = records.activeRecordOwner(actor, recordId);
    jdbc.sql(
            "UPDATE "
                + tableName
                + " SET status = 'VOIDED', void_reason = ?, voided_by = ?, voided_at = ?"
                + " WHERE id = ?")
        .params(why, actor.username(), LocalDateTime.now(), entryId)
        .update();
    audit.describe("HEALTH_RECORD_ENTRY_VOID", "Resident", String.valueOf(residentId));
  }

  static List<HealthRecordView.Entry> medical(JdbcClient jdbc, long recordId) {
    return jdbc.sql(
            "SELECT id, kind, name, occurred_on, status, void_reason FROM"
                + " residents.medical_history WHERE record_id = ? ORDER BY occurred_on, id")
        .param(recordId)
        .query(
            (rs, i) ->
                new HealthRecordView.Entry(
                    rs.getLong("id"),
                    rs.getString("kind"),
                    HistoryKind.valueOf(rs.getString("kind")).label(),
                    rs.getString("name"),
                    rs.getString("name"),
                    rs.getObject("occurred_on", LocalDate.class),
                    rs.getString("status"),
                    rs.getString("void_reason")))
        .list();
  }

  static List<HealthRecordView.Entry> family(JdbcClient jdbc, long recordId) {
    return jdbc.sql(
            "SELECT id, relation, disease, other_text, status, void_reason FROM"
                + " residents.family_history WHERE record_id = ? ORDER BY relation, id")
        .param(recordId)
        .query(
            (rs, i) -> {
              String disease = rs.getString("disease");
              String other = rs.getString("other_text");
              return new HealthRecordView.Entry(
                  rs.getLong("id"),
                  rs.getString("relation"),
                  Relation.valueOf(rs.getString("relation")).label(),
                  disease,
                  FamilyDisease.valueOf(disease).label() + (other == null ? "" : "：" + other),
                  null,
                  rs.getString("status"),
                  rs.getString("void_reason"));
            })
        .list();
  }
}
