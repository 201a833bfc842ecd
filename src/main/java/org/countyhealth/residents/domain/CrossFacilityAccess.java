package org.countyhealth.residents.domain;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a resident outside one's data scope: only by an exact identifier and with a stated
 * reason; audited as cross-facility access and listed for the resident's responsible facility.
 */
@Service
@Transactional
public class CrossFacilityAccess {

  public record Access(
      long id,
      long residentId,
      String residentName,
      String responsibleFacility,
      String actorUsername,
      String actorName,
      String actorFacility,
      String identifierType,
      String reason,
      LocalDateTime accessedAt) {}

  private final JdbcClient jdbc;
  private final ResidentDirectory directory;
  private final AuditTrail auditTrail;

  CrossFacilityAccess(JdbcClient jdbc, ResidentDirectory directory, AuditTrail auditTrail) {
    this.jdbc = jdbc;
    this.directory = directory;
    this.auditTrail = auditTrail;
  }

  /**
   * Answers the resident holding the identifier, after recording why it was opened. A resident
   * within the actor's scope is simply read (audited as such, nothing recorded here).
   */
  public ResidentDetails open(String identifier, String reason, Actor actor) {
    if (reason == null || reason.strip().length() < 4) {
      throw new BusinessException("CROSS_ACCESS_REASON_REQUIRED", "请说明调阅理由（至少4个字）", "reason");
    }
    if (reason.strip().length() > 200) {
      throw new BusinessException("CROSS_ACCESS_REASON_TOO_LONG", "调阅理由不能超过200个字", "reason");
    }
    long id =
        directory
            .byIdentifier(identifier)
            .orElseThrow(
                () -> new NotFound("CROSS_ACCESS_NOT_FOUND", "没有居民持有该证件号码，请核对（须与证件号码完全一致）"));
    ResidentDetails resident = directory.details(id).orElseThrow();
    if (directory.inScope(id, actor.scope())) {
      auditTrail.describe("RESIDENT_READ", "Resident", String.valueOf(id));
      return resident;
    }
    String type =
        resident.identifiers().stream()
            .filter(
                v ->
                    v.value().equals(identifier.strip())
                        || v.value().equals(identifier.strip().toUpperCase()))
            .map(v -> v.type().name())
            .findFirst()
            .orElse("UNKNOWN");
    jdbc.sql(
            "INSERT INTO residents.cross_access (resident_id, responsible_facility, actor_username,"
                + " actor_name, actor_facility, identifier_type, reason, accessed_at)"
                + " VALUES (?,?,?,?,?,?,?,?)")
        .params(
            id,
            resident.villageClinicCode() != null
                ? resident.villageClinicCode()
                : resident.facilityCode(),
            actor.username(),
            actor.displayName(),
            actor.facilityCode(),
            type,
            reason.strip(),
            Timestamp.valueOf(LocalDateTime.now(Registration.CHINA)))
        .update();
    auditTrail.describe("CROSS_FACILITY_ACCESS", "Resident", String.valueOf(id));
    return resident;
  }

  /** Cross-facility reads of residents for whom a facility of the scope is responsible. */
  @Transactional(readOnly = true)
  public List<Access> visibleTo(DataScope scope, int limit) {
    ResidentScope s = ResidentScope.of(scope, "r");
    Map<String, Object> params = new HashMap<>(s.params());
    params.put("limit", limit);
    return jdbc.sql(
            "SELECT a.*, r.name AS resident_name FROM residents.cross_access a"
                + " JOIN residents.resident r ON r.id = a.resident_id WHERE "
                + s.sql()
                + " ORDER BY a.accessed_at DESC, a.id DESC LIMIT :limit")
        .params(params)
        .query(CrossFacilityAccess::access)
        .list();
  }

  @Transactional(readOnly = true)
  public List<Access> ofResident(long residentId, int limit) {
    return jdbc.sql(
            "SELECT a.*, r.name AS resident_name FROM residents.cross_access a"
                + " JOIN residents.resident r ON r.id = a.resident_id WHERE a.resident_id = ?"
                + " ORDER BY a.accessed_at DESC, a.id DESC LIMIT ?")
        .params(residentId, limit)
        .query(CrossFacilityAccess::access)
        .list();
  }

  private static Access access(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new Access(
        rs.getLong("id"),
        rs.getLong("resident_id"),
        rs.getString("resident_name"),
        rs.getString("responsible_facility"),
        rs.getString("actor_username"),
        rs.getString("actor_name"),
        rs.getString("actor_facility"),
        rs.getString("identifier_type"),
        rs.getString("reason"),
        rs.getTimestamp("accessed_at").toLocalDateTime());
  }
}
