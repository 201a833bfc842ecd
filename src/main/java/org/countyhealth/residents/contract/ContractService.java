package org.countyhealth.residents.contract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.residents.contract.rules.ContractPeriod;
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
 * Family-doctor contracts (000_65944b5c5b97f013.txt lines 15, 692): sign, renew, terminate. A
 * resident has at most one contract in force on any day: a new period that overlaps one in force is
 * refused ({@code CONTRACT_ALREADY_ACTIVE}); the resident row serialises concurrent signings.
 */
@Service
@Transactional
public class ContractService {

  static final String SELECT =
      "SELECT c.*, r.name AS resident_name, t.name AS team_name, p.name AS package_name,"
          + " (SELECT MIN(n.id) FROM residents.contract n WHERE n.previous_id = c.id) AS renewed_by"
          + " FROM residents.contract c JOIN residents.resident r ON r.id = c.resident_id"
          + " JOIN organization.family_doctor_team t ON t.id = c.team_id"
          + " JOIN residents.service_package p ON p.code = c.package_code";

  private final JdbcClient jdbc;
  private final ResidentAccess access;
  private final TeamDirectory teams;
  private final AuditTrail audit;

  ContractService(JdbcClient jdbc, ResidentAccess access, TeamDirectory teams, AuditTrail audit) {
    this.jdbc = jdbc;
    this.access = access;
    this.teams = teams;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<ContractView> list(Actor actor, long residentId) {
    access.openRecord(actor, residentId);
    return jdbc.sql(SELECT + " WHERE c.resident_id = ? ORDER BY c.start_date DESC, c.id DESC")
        .param(residentId)
        .query(ContractService::view)
        .list();
  }

  public List<Package> packages() {
    return jdbc.sql(
            "SELECT code, name, description FROM residents.service_package WHERE active"
                + " ORDER BY sort_order")
        .query((rs, i) -> new Package(rs.getString(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** A service package (服务包). */
  public record Package(String code, String name, String description) {}

  public long sign(
      Actor actor,
      long residentId,
      long teamId,
      String packageCode,
      LocalDate start,
      LocalDate end) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    ResidentRef resident = access.require(actor, residentId);
    TeamRef team =
        teams
            .find(teamId)
            .filter(t -> t.active() && actor.scope().includes(t.facilityCode()))
            .orElseThrow(() -> new BusinessException("TEAM_NOT_FOUND", "请选择您机构的家庭医生团队", "teamId"));
    long id =
        insert(resident, team, packageCode, new ContractPeriod(start, end), null, actor.username());
    audit.describe("CONTRACT_SIGN", "Resident", String.valueOf(residentId));
    return id;
  }

  /** Signs without scope or audit: the trusted facade's path and the renewal's. */
  long insert(
      ResidentRef resident,
      TeamRef team,
      String packageCode,
      ContractPeriod period,
      Long previousId,
      String by) {
    boolean packageKnown =
        packageCode != null
            && jdbc.sql("SELECT COUNT(*) FROM residents.service_package WHERE code = ? AND active")
                    .param(packageCode)
                    .query(Long.class)
                    .single()
                > 0;
    if (!packageKnown) {
      throw new BusinessException("SERVICE_PACKAGE_UNKNOWN", "请选择服务包", "packageCode");
    }
    jdbc.sql("SELECT id FROM residents.resident WHERE id = ? FOR UPDATE")
        .param(resident.id())
        .query(Long.class)
        .single();
    long overlapping =
        jdbc.sql(
                "SELECT COUNT(*) FROM residents.contract WHERE resident_id = ?"
                    + " AND start_date <= ? AND effective_end >= ?")
            .params(resident.id(), period.end(), period.start())
            .query(Long.class)
            .single();
    if (overlapping > 0) {
      throw new BusinessException("CONTRACT_ALREADY_ACTIVE", "该居民在此期间已有生效的家庭医生签约，不能重复签约", "start");
    }
    return Inserts.returningId(
        jdbc.sql(
                "INSERT INTO residents.contract (resident_id, original_resident_id, team_id,"
                    + " facility_code, package_code, start_date, end_date, effective_end,"
                    + " previous_id, created_by, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(
                resident.id(),
                resident.id(),
                team.id(),
                team.facilityCode(),
                packageCode,
                period.start(),
                period.end(),
                period.end(),
                previousId,
                by,
                LocalDateTime.now()));
  }

  public long renew(Actor actor, long contractId, String packageCode) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    ContractView previous = visible(actor, contractId);
    long id = renewTrusted(previous, packageCode, LocalDate.now(), actor.username());
    audit.describe("CONTRACT_RENEW", "Resident", String.valueOf(previous.residentId()));
    return id;
  }

  long renewTrusted(ContractView previous, String packageCode, LocalDate today, String by) {
    if ("TERMINATED".equals(previous.status())) {
      throw new BusinessException("CONTRACT_TERMINATED", "已解约的合同不能续签");
    }
    if (previous.renewedById() != null) {
      throw new BusinessException("CONTRACT_ALREADY_RENEWED", "该合同已续签");
    }
    ResidentRef resident = access.requireTrusted(previous.residentId());
    TeamRef team =
        teams
            .find(previous.teamId())
            .filter(TeamRef::active)
            .orElseThrow(() -> new BusinessException("TEAM_INACTIVE", "原签约团队已撤销，请重新签约"));
    String pkg =
        packageCode == null || packageCode.isBlank() ? previous.packageCode() : packageCode;
    return insert(
        resident, team, pkg, ContractPeriod.renewal(previous.end(), today), previous.id(), by);
  }

  /** Terminates today with a reason: service ends the day before; the row stays. */
  public void terminate(Actor actor, long contractId, String reason) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    if (reason == null || reason.isBlank() || reason.length() > 200) {
      throw new BusinessException("TERMINATION_REASON_REQUIRED", "请填写解约原因（200字以内）", "reason");
    }
    ContractView contract = visible(actor, contractId);
    LocalDate today = LocalDate.now();
    if (!contract.terminable()) {
      throw new BusinessException("CONTRACT_NOT_IN_FORCE", "该合同已到期或已解约，无需解约");
    }
    LocalDate lastDay = new ContractPeriod(contract.start(), contract.end()).effectiveEnd(today);
    jdbc.sql(
            "UPDATE residents.contract SET status = 'TERMINATED', terminated_on = ?,"
                + " termination_reason = ?, terminated_by = ?, effective_end = ?,"
                + " version = version + 1 WHERE id = ?")
        .params(today, reason.strip(), actor.username(), lastDay, contractId)
        .update();
    audit.describe("CONTRACT_TERMINATE", "Resident", String.valueOf(contract.residentId()));
  }

  /** A contract of a resident the actor may see; 404 otherwise. */
  ContractView visible(Actor actor, long contractId) {
    ContractView found = find(contractId);
    access.require(actor, found.residentId());
    return found;
  }

  ContractView find(long contractId) {
    return jdbc.sql(SELECT + " WHERE c.id = ?")
        .param(contractId)
        .query(ContractService::view)
        .optional()
        .orElseThrow(() -> new NotFound("CONTRACT_NOT_FOUND", "未找到该签约"));
  }

  static ContractView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new ContractView(
        rs.getLong("id"),
        rs.getLong("resident_id"),
        rs.getString("resident_name"),
        rs.getLong("team_id"),
        rs.getString("team_name"),
        rs.getString("facility_code"),
        rs.getString("package_code"),
        rs.getString("package_name"),
        rs.getObject("start_date", LocalDate.class),
        rs.getObject("end_date", LocalDate.class),
        rs.getObject("effective_end", LocalDate.class),
        rs.getObject("previous_id", Long.class),
        rs.getObject("renewed_by", Long.class),
        rs.getString("status"),
        rs.getObject("terminated_on", LocalDate.class),
        rs.getString("termination_reason"));
  }
}
