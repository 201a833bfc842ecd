package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.rules.ReferralIndications;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.ProgrammeReferralRequest;
import org.countyhealth.referral.Referrals;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals the programme suggests or requests, and the check of their result within two weeks
 * (000_65944b5c5b97f013.txt lines 125, 134, 142, 198, 206). The referral module is optional: when
 * it is absent a suggestion stays SUGGESTED on the worklist.
 */
@Service
@Transactional
public class ReferralLinks {

  private final JdbcClient jdbc;
  private final ObjectProvider<Referrals> referrals;
  private final AuditTrail audit;

  ReferralLinks(JdbcClient jdbc, ObjectProvider<Referrals> referrals, AuditTrail audit) {
    this.jdbc = jdbc;
    this.referrals = referrals;
    this.audit = audit;
  }

  /** A suggestion; with {@code requestNow} (emergency) the referral is requested in one step. */
  long suggest(
      Actor actor,
      Long enrolmentId,
      long residentId,
      Disease disease,
      Direction direction,
      boolean emergency,
      String reason,
      LocalDate on,
      boolean requestNow) {
    Long referralId = null;
    Referrals module = referrals.getIfAvailable();
    // A patient holds one unfinished referral per direction: a second stays a suggestion. Without
    // a staff member nobody can be named as the requesting doctor: it stays a suggestion too.
    if (requestNow
        && module != null
        && actor.staffId() != null
        && !module.hasOpenReferral(residentId, direction)) {
      referralId =
          module.requestFromProgramme(
              request(actor, residentId, disease, direction, emergency, reason));
    }
    return Rows.insert(
        jdbc.sql(
                "INSERT INTO chronic.referral_suggestion (enrolment_id, resident_id,"
                    + " original_resident_id, disease, facility_code, direction, emergency, reason,"
                    + " status, referral_id, suggested_on, check_by, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(
                enrolmentId,
                residentId,
                residentId,
                disease.name(),
                actor.facilityCode(),
                direction.name(),
                emergency,
                reason.length() > 400 ? reason.substring(0, 400) : reason,
                referralId == null ? "SUGGESTED" : "REQUESTED",
                referralId,
                on,
                on.plusWeeks(2),
                LocalDateTime.now(),
                LocalDateTime.now()));
  }

  private static ProgrammeReferralRequest request(
      Actor actor,
      long residentId,
      Disease disease,
      Direction direction,
      boolean emergency,
      String reason) {
    return new ProgrammeReferralRequest(
        residentId,
        actor.facilityCode(),
        actor.staffId() == null ? 0L : actor.staffId(),
        direction,
        emergency,
        ReferralIndications.forReferral(disease, direction == Direction.UP, emergency),
        reason,
        "chronic");
  }

  public boolean referralModuleAvailable() {
    return referrals.getIfAvailable() != null;
  }

  /** The user confirms a suggested referral: it is requested from the referral module. */
  public long confirm(Actor actor, long suggestionId) {
    Access.require(actor, Privilege.REFERRAL_CREATE);
    Suggestion s = find(actor, suggestionId);
    if (!"SUGGESTED".equals(s.status())) {
      throw new BusinessException("CHRONIC_REFERRAL_NOT_SUGGESTED", "该转诊建议已处理");
    }
    Referrals module = referrals.getIfAvailable();
    if (module == null) {
      throw new BusinessException("CHRONIC_REFERRAL_UNAVAILABLE", "转诊模块暂未启用，请线下转诊后登记结果");
    }
    long referralId =
        module.requestFromProgramme(
            request(
                actor,
                s.residentId(),
                Disease.valueOf(s.disease()),
                Direction.valueOf(s.direction()),
                s.emergency(),
                s.reason()));
    jdbc.sql(
            "UPDATE chronic.referral_suggestion SET status = 'REQUESTED', referral_id = ?,"
                + " updated_at = ? WHERE id = ?")
        .params(referralId, LocalDateTime.now(), suggestionId)
        .update();
    audit.describe("CHRONIC_REFERRAL_REQUEST", "Resident", String.valueOf(s.residentId()));
    return referralId;
  }

  /** The result of a referral was followed up (or the suggestion dismissed): off the worklist. */
  public void recordResult(Actor actor, long suggestionId, String outcome, boolean dismiss) {
    Access.require(actor, Privilege.CHRONIC_EDIT);
    Suggestion s = find(actor, suggestionId);
    if (outcome == null || outcome.isBlank()) {
      throw new BusinessException("CHRONIC_OUTCOME_REQUIRED", "请填写转诊结果或不转诊的原因", "outcome");
    }
    jdbc.sql(
            "UPDATE chronic.referral_suggestion SET checked = TRUE, outcome = ?,"
                + " status = CASE WHEN ? THEN 'DISMISSED' ELSE status END, updated_at = ?"
                + " WHERE id = ?")
        .params(
            outcome.strip(), dismiss && "SUGGESTED".equals(s.status()), LocalDateTime.now(), s.id())
        .update();
    audit.describe("CHRONIC_REFERRAL_RESULT", "Resident", String.valueOf(s.residentId()));
  }

  /** A stored suggestion. */
  public record Suggestion(
      long id,
      long residentId,
      String facilityCode,
      String disease,
      String direction,
      boolean emergency,
      String reason,
      String status,
      Long referralId,
      LocalDate suggestedOn,
      LocalDate checkBy,
      String outcome,
      boolean checked) {}

  static final String SELECT =
      "SELECT id, resident_id, facility_code, disease, direction, emergency, reason, status, referral_id,"
          + " suggested_on, check_by, outcome, checked FROM chronic.referral_suggestion";

  static Suggestion map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Suggestion(
        rs.getLong("id"),
        rs.getLong("resident_id"),
        rs.getString("facility_code"),
        rs.getString("disease"),
        rs.getString("direction"),
        rs.getBoolean("emergency"),
        rs.getString("reason"),
        rs.getString("status"),
        rs.getObject("referral_id", Long.class),
        rs.getObject("suggested_on", LocalDate.class),
        rs.getObject("check_by", LocalDate.class),
        rs.getString("outcome"),
        rs.getBoolean("checked"));
  }

  Suggestion find(Actor actor, long id) {
    return jdbc.sql(SELECT + " WHERE id = ?")
        .param(id)
        .query(ReferralLinks::map)
        .optional()
        .filter(s -> actor.scope().includes(s.facilityCode()))
        .orElseThrow(() -> new NotFound("CHRONIC_REFERRAL_NOT_FOUND", "未找到该转诊建议"));
  }

  @Transactional(readOnly = true)
  public List<Suggestion> ofResident(long residentId) {
    return jdbc.sql(SELECT + " WHERE resident_id = ? ORDER BY suggested_on DESC, id DESC")
        .param(residentId)
        .query(ReferralLinks::map)
        .list();
  }
}
