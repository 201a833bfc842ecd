package org.countyhealth.residents.record;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.residents.record.rules.Bmi;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Health check-ups (健康体检, 000_65944b5c5b97f013.txt lines 145 and 209): recorded with BMI computed,
 * corrected keeping the earlier values, voided with reason.
 */
@Service
@Transactional
public class CheckUpService {

  static final String ENTITY = "CHECK_UP";

  private final JdbcClient jdbc;
  private final ResidentAccess access;
  private final RecordChanges changes;
  private final AuditTrail audit;

  CheckUpService(JdbcClient jdbc, ResidentAccess access, RecordChanges changes, AuditTrail audit) {
    this.jdbc = jdbc;
    this.access = access;
    this.changes = changes;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<CheckUpView> list(Actor actor, long residentId) {
    access.openRecord(actor, residentId);
    return load(residentId);
  }

  private List<CheckUpView> load(long residentId) {
    List<CheckUpView> rows =
        jdbc.sql(
                "SELECT * FROM residents.check_up WHERE resident_id = ?"
                    + " ORDER BY exam_date DESC, id DESC")
            .param(residentId)
            .query(
                (rs, i) ->
                    new CheckUpView(
                        rs.getLong("id"),
                        rs.getLong("resident_id"),
                        rs.getString("facility_code"),
                        rs.getString("doctor_name"),
                        new CheckUpInput(
                            rs.getObject("exam_date", LocalDate.class),
                            rs.getBigDecimal("height_cm"),
                            rs.getBigDecimal("weight_kg"),
                            rs.getBigDecimal("waist_cm"),
                            rs.getObject("sbp_left", Integer.class),
                            rs.getObject("dbp_left", Integer.class),
                            rs.getObject("sbp_right", Integer.class),
                            rs.getObject("dbp_right", Integer.class),
                            rs.getObject("heart_rate", Integer.class),
                            rs.getBigDecimal("temperature")),
                        rs.getBigDecimal("bmi"),
                        rs.getString("status"),
                        rs.getString("void_reason"),
                        rs.getInt("version"),
                        List.of()))
            .list();
    Map<Long, List<Change>> history =
        changes.of(ENTITY, rows.stream().map(CheckUpView::id).toList()).stream()
            .collect(Collectors.groupingBy(Change::entityId));
    return rows.stream()
        .map(
            c ->
                new CheckUpView(
                    c.id(),
                    c.residentId(),
                    c.facilityCode(),
                    c.doctorName(),
                    c.values(),
                    c.bmi(),
                    c.status(),
                    c.voidReason(),
                    c.version(),
                    history.getOrDefault(c.id(), List.of())))
        .toList();
  }

  public long record(Actor actor, long residentId, CheckUpInput input) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    ResidentRef resident = access.require(actor, residentId);
    long id =
        insert(
            resident,
            input,
            actor.facilityCode(),
            actor.staffId(),
            actor.displayName(),
            actor.username());
    audit.describe("CHECK_UP_CREATE", "Resident", String.valueOf(residentId));
    return id;
  }

  /** Records without scope or audit: the trusted facade's path. */
  long insert(
      ResidentRef resident,
      CheckUpInput input,
      String facilityCode,
      Long doctorId,
      String doctorName,
      String by) {
    validate(resident, input);
    Bmi bmi = Bmi.of(input.heightCm(), input.weightKg());
    return Inserts.returningId(
        jdbc.sql(
                "INSERT INTO residents.check_up (resident_id, original_resident_id, exam_date,"
                    + " facility_code, doctor_id, doctor_name, height_cm, weight_kg, waist_cm,"
                    + " sbp_left, dbp_left, sbp_right, dbp_right, heart_rate, temperature, bmi,"
                    + " created_by, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(
                resident.id(),
                resident.id(),
                input.examDate(),
                facilityCode,
                doctorId,
                doctorName == null ? "" : doctorName,
                input.heightCm(),
                input.weightKg(),
                input.waistCm(),
                input.sbpLeft(),
                input.dbpLeft(),
                input.sbpRight(),
                input.dbpRight(),
                input.heartRate(),
                input.temperature(),
                bmi.value(),
                by,
                LocalDateTime.now()));
  }

  public void correct(Actor actor, long checkUpId, int version, CheckUpInput input, String reason) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    String why = RecordChanges.requireReason(reason);
    CheckUpView before = active(actor, checkUpId);
    ResidentRef resident = access.require(actor, before.residentId());
    validate(resident, input);
    int changed =
        changes.log(
            ENTITY, checkUpId, before.values().values(), input.values(), why, actor.username());
    if (changed == 0) {
      throw new BusinessException("NOTHING_CHANGED", "没有修改任何内容");
    }
    int updated =
        jdbc.sql(
                "UPDATE residents.check_up SET exam_date = ?, height_cm = ?, weight_kg = ?,"
                    + " waist_cm = ?, sbp_left = ?, dbp_left = ?, sbp_right = ?, dbp_right = ?,"
                    + " heart_rate = ?, temperature = ?, bmi = ?, version = version + 1"
                    + " WHERE id = ? AND version = ?")
            .params(
                input.examDate(),
                input.heightCm(),
                input.weightKg(),
                input.waistCm(),
                input.sbpLeft(),
                input.dbpLeft(),
                input.sbpRight(),
                input.dbpRight(),
                input.heartRate(),
                input.temperature(),
                Bmi.of(input.heightCm(), input.weightKg()).value(),
                checkUpId,
                version)
            .update();
    if (updated == 0) {
      throw new BusinessException("CONCURRENT_CHANGE", "体检记录已被他人修改，请刷新后重试");
    }
    audit.describe("CHECK_UP_CORRECT", "Resident", String.valueOf(before.residentId()));
  }

  public void voidCheckUp(Actor actor, long checkUpId, String reason) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    String why = RecordChanges.requireReason(reason);
    CheckUpView before = active(actor, checkUpId);
    jdbc.sql(
            "UPDATE residents.check_up SET status = 'VOIDED', void_reason = ?, voided_by = ?,"
                + " voided_at = ?, version = version + 1 WHERE id = ?")
        .params(why, actor.username(), LocalDateTime.now(), checkUpId)
        .update();
    audit.describe("CHECK_UP_VOID", "Resident", String.valueOf(before.residentId()));
  }

  /** An active check-up of a resident the actor may see (404 otherwise). */
  public CheckUpView active(Actor actor, long checkUpId) {
    Long residentId =
        jdbc.sql("SELECT resident_id FROM residents.check_up WHERE id = ?")
            .param(checkUpId)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new NotFound("CHECK_UP_NOT_FOUND", "未找到该体检记录"));
    access.require(actor, residentId);
    CheckUpView found =
        load(residentId).stream().filter(c -> c.id() == checkUpId).findFirst().orElseThrow();
    if (found.voided()) {
      throw new BusinessException("CHECK_UP_VOIDED", "该体检记录已作废，不能修改");
    }
    return found;
  }

  private static void validate(ResidentRef resident, CheckUpInput input) {
    var violations = input.measurements().violations();
    if (!violations.isEmpty()) {
      throw new MeasurementsRefused(violations);
    }
    if (input.examDate() == null || input.examDate().isAfter(LocalDate.now())) {
      throw new BusinessException("EXAM_DATE_INVALID", "体检日期不能为空，且不能晚于今天", "examDate");
    }
    if (input.examDate().isBefore(resident.birthDate())) {
      throw new BusinessException("EXAM_DATE_INVALID", "体检日期不能早于出生日期", "examDate");
    }
  }
}
