package org.countyhealth.residents.record;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.residents.record.rules.RecordNumber;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The health record's cover and personal basic information (000_65944b5c5b97f013.txt line 27):
 * establish, read, correct (keeping the earlier values) and void. Every read and change is
 * described to the audit trail.
 */
@Service
@Transactional
public class HealthRecordService {

  static final String ENTITY = "HEALTH_RECORD";

  private final JdbcClient jdbc;
  private final ResidentAccess access;
  private final RecordChanges changes;
  private final AuditTrail audit;

  HealthRecordService(
      JdbcClient jdbc, ResidentAccess access, RecordChanges changes, AuditTrail audit) {
    this.jdbc = jdbc;
    this.access = access;
    this.changes = changes;
    this.audit = audit;
  }

  /** The resident's records (normally one; two after a merge), newest state first. */
  @Transactional(readOnly = true)
  public List<HealthRecordView> view(Actor actor, long residentId) {
    access.openRecord(actor, residentId);
    return jdbc
        .sql("SELECT * FROM residents.health_record WHERE resident_id = ? ORDER BY status, id")
        .param(residentId)
        .query(
            (rs, i) ->
                new HealthRecordView(
                    rs.getLong("id"),
                    rs.getLong("resident_id"),
                    rs.getString("record_number"),
                    rs.getString("facility_code"),
                    (Long) rs.getObject("doctor_id", Long.class),
                    rs.getString("doctor_name"),
                    rs.getObject("established_on", LocalDate.class),
                    new RecordInput(
                        rs.getString("blood_abo"),
                        rs.getString("blood_rh"),
                        rs.getString("drug_allergies"),
                        rs.getString("disability"),
                        rs.getString("exposure"),
                        rs.getString("smoking"),
                        rs.getString("drinking"),
                        rs.getString("exercise"),
                        rs.getString("diet")),
                    rs.getString("status"),
                    rs.getString("void_reason"),
                    rs.getInt("version"),
                    null,
                    null,
                    null))
        .list()
        .stream()
        .map(
            r ->
                new HealthRecordView(
                    r.id(),
                    r.residentId(),
                    r.recordNumber(),
                    r.facilityCode(),
                    r.doctorId(),
                    r.doctorName(),
                    r.establishedOn(),
                    r.info(),
                    r.status(),
                    r.voidReason(),
                    r.version(),
                    RecordEntries.medical(jdbc, r.id()),
                    RecordEntries.family(jdbc, r.id()),
                    changes.of(ENTITY, List.of(r.id()))))
        .toList();
  }

  public long establish(Actor actor, long residentId, RecordInput input, LocalDate on) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    ResidentRef resident = access.require(actor, residentId);
    long id =
        insert(
            resident,
            actor.facilityCode(),
            actor.staffId(),
            actor.displayName(),
            on,
            input,
            actor.username());
    audit.describe("HEALTH_RECORD_CREATE", "Resident", String.valueOf(residentId));
    return id;
  }

  /** Establishes without scope or audit: the trusted facade's path. */
  long insert(
      ResidentRef resident,
      String facilityCode,
      Long doctorId,
      String doctorName,
      LocalDate on,
      RecordInput input,
      String by) {
    if (on == null || on.isAfter(LocalDate.now())) {
      throw new BusinessException("RECORD_DATE_INVALID", "建档日期不能晚于今天", "establishedOn");
    }
    if (on.isBefore(resident.birthDate())) {
      throw new BusinessException("RECORD_DATE_INVALID", "建档日期不能早于出生日期", "establishedOn");
    }
    // Serialises establishment per resident: the resident row is the lock.
    jdbc.sql("SELECT id FROM residents.resident WHERE id = ? FOR UPDATE")
        .param(resident.id())
        .query(Long.class)
        .single();
    boolean exists =
        jdbc.sql(
                    "SELECT COUNT(*) FROM residents.health_record"
                        + " WHERE resident_id = ? AND status = 'ACTIVE'")
                .param(resident.id())
                .query(Long.class)
                .single()
            > 0;
    if (exists) {
      throw new BusinessException("HEALTH_RECORD_EXISTS", "该居民已建立健康档案");
    }
    String prefix = RecordNumber.prefix(resident.divisionCode());
    String last =
        jdbc.sql(
                "SELECT MAX(record_number) FROM residents.health_record WHERE record_number LIKE ?")
            .param(prefix + "%")
            .query(String.class)
            .optional()
            .orElse(null);
    int serial = last == null ? 1 : Integer.parseInt(last.substring(12)) + 1;
    LocalDateTime now = LocalDateTime.now();
    return Inserts.returningId(
        jdbc.sql(
                "INSERT INTO residents.health_record (resident_id, original_resident_id, record_number,"
                    + " facility_code, doctor_id, doctor_name, established_on, blood_abo, blood_rh,"
                    + " drug_allergies, disability, exposure, smoking, drinking, exercise, diet,"
                    + " created_by, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(
                resident.id(),
                resident.id(),
                RecordNumber.of(resident.divisionCode(), serial),
                facilityCode,
                doctorId,
                doctorName == null ? "" : doctorName,
                on,
                input.bloodAbo(),
                input.bloodRh(),
                input.drugAllergies(),
                input.disability(),
                input.exposure(),
                input.smoking(),
                input.drinking(),
                input.exercise(),
                input.diet(),
                by,
                now,
                now));
  }

  /** Corrects the basic information; every changed field keeps its earlier value and the reason. */
  public void correct(Actor actor, long recordId, int version, RecordInput input, String reason) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    String why = RecordChanges.requireReason(reason);
    long residentId = activeRecordOwner(actor, recordId);
    RecordInput before = current(recordId);
    int changed =
        changes.log(ENTITY, recordId, before.values(), input.values(), why, actor.username());
    if (changed == 0) {
      throw new BusinessException("NOTHING_CHANGED", "没有修改任何内容");
    }
    int updated =
        jdbc.sql(
                "UPDATE residents.health_record SET blood_abo = ?, blood_rh = ?,"
                    + " drug_allergies = ?, disability = ?, exposure = ?, smoking = ?,"
                    + " drinking = ?, exercise = ?, diet = ?, updated_at = ?,"
                    + " version = version + 1 WHERE id = ? AND version = ?")
            .params(
                input.bloodAbo(),
                input.bloodRh(),
                input.drugAllergies(),
                input.disability(),
                input.exposure(),
                input.smoking(),
                input.drinking(),
                input.exercise(),
                input.diet(),
                LocalDateTime.now(),
                recordId,
                version)
            .update();
    if (updated == 0) {
      throw new BusinessException("CONCURRENT_CHANGE", "档案已被他人修改，请刷新后重试");
    }
    audit.describe("HEALTH_RECORD_CORRECT", "Resident", String.valueOf(residentId));
  }

  /** Voids a record entered in error: kept, marked, never deleted. */
  public void voidRecord(Actor actor, long recordId, String reason) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    String why = RecordChanges.requireReason(reason);
    long residentId = activeRecordOwner(actor, recordId);
    jdbc.sql(
            "UPDATE residents.health_record SET status = 'VOIDED', void_reason = ?, voided_by = ?,"
                + " voided_at = ?, version = version + 1 WHERE id = ?")
        .params(why, actor.username(), LocalDateTime.now(), recordId)
        .update();
    audit.describe("HEALTH_RECORD_VOID", "Resident", String.valueOf(residentId));
  }

  /** The owner of an active record the actor may see; 404 outside the scope. */
  long activeRecordOwner(Actor actor, long recordId) {
    var row =
        jdbc.sql("SELECT resident_id, status FROM residents.health_record WHERE id = ?")
            .param(recordId)
            .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .optional()
            .orElseThrow(() -> new NotFound("HEALTH_RECORD_NOT_FOUND", "未找到该健康档案"));
    long residentId = (Long) row[0];
    access.require(actor, residentId);
    if (!"ACTIVE".equals(row[1])) {
      throw new BusinessException("HEALTH_RECORD_VOIDED", "该健康档案已作废，不能修改");
    }
    return residentId;
  }

  private RecordInput current(long recordId) {
    return jdbc.sql(
            "SELECT blood_abo, blood_rh, drug_allergies, disability, exposure, smoking, drinking,"
                + " exercise, diet FROM residents.health_record WHERE id = ?")
        .param(recordId)
        .query(
            (rs, i) ->
                new RecordInput(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9)))
        .single();
  }
}
