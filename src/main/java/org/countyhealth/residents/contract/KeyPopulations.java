package org.countyhealth.residents.contract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.residents.KeyPopulation;
import org.countyhealth.residents.contract.rules.AgeGroups;
import org.countyhealth.residents.record.Inserts;
import org.countyhealth.residents.record.ResidentAccess;
import org.countyhealth.residents.record.ResidentRef;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key populations of a resident: children 0–6 and people 65 and over computed by {@link AgeGroups}
 * on the day; pregnancy, hypertension, diabetes, severe mental illness, tuberculosis and disability
 * recorded (and voided with reason) by clinicians.
 */
@Service
@Transactional
public class KeyPopulations {

  private final JdbcClient jdbc;
  private final ResidentAccess access;
  private final AuditTrail audit;

  KeyPopulations(JdbcClient jdbc, ResidentAccess access, AuditTrail audit) {
    this.jdbc = jdbc;
    this.access = access;
    this.audit = audit;
  }

  /** A recorded flag. */
  public record Flag(long id, KeyPopulation population, String recordedBy, LocalDateTime at) {}

  public List<Flag> recorded(long residentId) {
    return jdbc.sql(
            "SELECT id, flag, recorded_by, recorded_at FROM residents.key_population_flag"
                + " WHERE resident_id = ? AND status = 'ACTIVE' ORDER BY id")
        .param(residentId)
        .query(
            (rs, i) ->
                new Flag(
                    rs.getLong(1),
                    KeyPopulation.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getObject(4, LocalDateTime.class)))
        .list();
  }

  /** Computed and recorded populations on the day (no scope check: callers have done it). */
  public Set<KeyPopulation> of(ResidentRef resident, LocalDate on) {
    Set<KeyPopulation> all = EnumSet.noneOf(KeyPopulation.class);
    all.addAll(AgeGroups.of(resident.birthDate(), on));
    recorded(resident.id()).forEach(f -> all.add(f.population()));
    return all;
  }

  public long record(Actor actor, long residentId, String population) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    access.require(actor, residentId);
    long id = recordTrusted(residentId, population, actor.username());
    audit.describe("KEY_POPULATION_RECORD", "Resident", String.valueOf(residentId));
    return id;
  }

  long recordTrusted(long residentId, String population, String by) {
    KeyPopulation flag;
    try {
      flag = KeyPopulation.valueOf(population);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BusinessException("KEY_POPULATION_UNKNOWN", "请选择重点人群类别", "population");
    }
    if (flag.ageBased()) {
      throw new BusinessException(
          "KEY_POPULATION_AGE_BASED", "年龄类重点人群由出生日期自动判定，无需登记", "population");
    }
    if (recorded(residentId).stream().anyMatch(f -> f.population() == flag)) {
      throw new BusinessException("KEY_POPULATION_DUPLICATE", "该重点人群标记已存在", "population");
    }
    return Inserts.returningId(
        jdbc.sql(
                "INSERT INTO residents.key_population_flag (resident_id, original_resident_id,"
                    + " flag, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)")
            .params(residentId, residentId, flag.name(), by, LocalDateTime.now()));
  }

  public void voidFlag(Actor actor, long flagId, String reason) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    if (reason == null || reason.isBlank() || reason.length() > 200) {
      throw new BusinessException("REASON_REQUIRED", "请填写原因（200字以内）", "reason");
    }
    long residentId =
        jdbc.sql(
                "SELECT resident_id FROM residents.key_population_flag"
                    + " WHERE id = ? AND status = 'ACTIVE'")
            .param(flagId)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> new NotFound("KEY_POPULATION_NOT_FOUND", "未找到该标记"));
    access.require(actor, residentId);
    jdbc.sql(
            "UPDATE residents.key_population_flag SET status = 'VOIDED', void_reason = ?,"
                + " voided_by = ?, voided_at = ? WHERE id = ?")
        .params(reason.strip(), actor.username(), LocalDateTime.now(), flagId)
        .update();
    audit.describe("KEY_POPULATION_VOID", "Resident", String.valueOf(residentId));
  }
}
