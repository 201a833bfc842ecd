package org.countyhealth.referral.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.rules.ReferralStatus;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Loads and saves referrals; a version column makes concurrent transitions exclusive. */
@Repository
class ReferralStore {

  private final JdbcClient jdbc;

  ReferralStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims the patient's one open slot in the direction; a second open referral (even a concurrent
   * one) is refused by the primary key.
   */
  void claimOpenSlot(long residentId, Direction direction, String number) {
    String open =
        jdbc.sql("SELECT number FROM referral.open_slot WHERE resident_id = ? AND direction = ?")
            .params(residentId, direction.name())
            .query(String.class)
            .optional()
            .orElse(null);
    if (open != null) {
      throw alreadyOpen(direction, "（" + open + "）");
    }
    try {
      jdbc.sql("INSERT INTO referral.open_slot (resident_id, direction, number) VALUES (?, ?, ?)")
          .params(residentId, direction.name(), number)
          .update();
    } catch (DuplicateKeyException raced) {
      // PostgreSQL has aborted the transaction: refuse without another statement.
      throw alreadyOpen(direction, "");
    }
  }

  private static BusinessException alreadyOpen(Direction direction, String number) {
    return new BusinessException(
        "REFERRAL_ALREADY_OPEN",
        "该患者已有一张未结束的" + direction.label() + "转诊单" + number + "，请先处理或取消",
        "residentId");
  }

  List<Direction> openDirections(long residentId) {
    return jdbc.sql("SELECT direction FROM referral.open_slot WHERE resident_id = ?")
        .param(residentId)
        .query((rs, i) -> Direction.valueOf(rs.getString(1)))
        .list();
  }

  long insert(Referral r, String by, LocalDateTime now) {
    ReferralForm f = r.form;
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO referral.referral (number, direction, status, green_channel, resident_id,"
                + " original_resident_id, patient_name, sex, age, record_number,"
                + " from_facility_code, from_department, to_facility_code, to_department,"
                + " out_of_county, purpose, summary, diagnosis_code, diagnosis_name, indications,"
                + " route_reason, requesting_staff_id, requesting_doctor, discharge_summary,"
                + " treatment_advice, rehab_advice, treating_contact, parent_id, source_module,"
                + " referral_date, step_started_at, submitted_at, result_due_on, created_by,"
                + " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,"
                + "?,?,?,?,?,?,?,?,?,?,?,?)")
        .params(
            r.number,
            f.direction().name(),
            r.status.name(),
            r.greenChannel,
            f.residentId(),
            f.residentId(),
            f.patientName(),
            f.sex(),
            f.age(),
            f.recordNumber(),
            f.fromFacilityCode(),
            f.fromDepartment(),
            f.toFacilityCode(),
            f.toDepartment(),
            r.outOfCounty,
            f.purpose(),
            f.summary(),
            f.diagnosisCode(),
            f.diagnosisName(),
            String.join(",", f.indications()),
            f.routeReason(),
            f.requestingStaffId(),
            f.requestingDoctor(),
            f.dischargeSummary(),
            f.treatmentAdvice(),
            f.rehabAdvice(),
            f.treatingContact(),
            f.parentId(),
            f.sourceModule(),
            f.referralDate(),
            r.stepStartedAt,
            r.submittedAt,
            r.resultDueOn,
            by,
            now,
            now)
        .update(keys, "id");
    r.id = keys.getKey().longValue();
    writeHistory(r);
    return r.id;
  }

  /** Saves a transition; refused when someone else changed the referral meanwhile. */
  void update(Referral r, LocalDateTime now) {
    int rows =
        jdbc.sql(
                "UPDATE referral.referral SET status = ?, step_started_at = ?, submitted_at = ?,"
                    + " received_at = ?, accepted_at = ?, arrived_at = ?, treated_at = ?,"
                    + " closed_at = ?, result_due_on = ?, head_opinion = ?, head_name = ?,"
                    + " care_mode = ?, outcome = ?, decline_reason = ?, cancel_reason = ?,"
                    + " updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
            .params(
                r.status.name(),
                r.stepStartedAt,
                r.submittedAt,
                r.receivedAt,
                r.acceptedAt,
                r.arrivedAt,
                r.treatedAt,
                r.closedAt,
                r.resultDueOn,
                r.headOpinion,
                r.headName,
                r.careMode == null ? null : r.careMode.name(),
                r.outcome == null ? null : r.outcome.name(),
                r.declineReason,
                r.cancelReason,
                now,
                r.id,
                r.version)
            .update();
    if (rows == 0) {
      throw new BusinessException("REFERRAL_CONCURRENT_CHANGE", "该转诊单刚被他人处理，请刷新后查看最新状态");
    }
    r.version++;
    if (r.status.terminal()) {
      jdbc.sql(
              "DELETE FROM referral.open_slot WHERE resident_id = ? AND direction = ? AND number = ?")
          .params(r.form.residentId(), r.form.direction().name(), r.number)
          .update();
    }
    writeHistory(r);
  }

  private void writeHistory(Referral r) {
    for (Referral.Entry e : r.pending) {
      jdbc.sql(
              "INSERT INTO referral.history (referral_id, action, from_status, to_status, actor,"
                  + " reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .params(
              r.id,
              e.action() == null ? "DRAFT" : e.action().name(),
              e.from() == null ? null : e.from().name(),
              e.to().name(),
              e.actor(),
              e.reason(),
              e.at())
          .update();
    }
    r.pending.clear();
  }

  /** The follow-up note of the sending facility; one history line, no status change. */
  void recordResult(Referral r, String note, String by, LocalDateTime now) {
    if (r.form.direction() != Direction.UP || r.submittedAt == null) {
      throw new BusinessException("REFERRAL_RESULT_NOT_EXPECTED", "只有已提交的上转单需要随访转诊结果");
    }
    jdbc.sql(
            "UPDATE referral.referral SET result_recorded_on = ?, result_note = ?, updated_at = ?,"
                + " version = version + 1 WHERE id = ?")
        .params(now.toLocalDate(), note, now, r.id)
        .update();
    jdbc.sql(
            "INSERT INTO referral.history (referral_id, action, from_status, to_status, actor,"
                + " reason, at) VALUES (?, 'RESULT', ?, ?, ?, ?, ?)")
        .params(r.id, r.status.name(), r.status.name(), by, note, now)
        .update();
  }

  Referral load(long id) {
    return jdbc.sql("SELECT * FROM referral.referral WHERE id = ?")
        .param(id)
        .query(ReferralStore::map)
        .optional()
        .orElseThrow(() -> new NotFound("REFERRAL_NOT_FOUND", "转诊单不存在或不在您的权限范围内"));
  }

  static Referral map(ResultSet rs, int i) throws SQLException {
    String indications = rs.getString("indications");
    ReferralForm form =
        new ReferralForm(
            Direction.valueOf(rs.getString("direction")),
            rs.getLong("resident_id"),
            rs.getString("patient_name"),
            rs.getString("sex"),
            rs.getInt("age"),
            rs.getString("record_number"),
            rs.getString("from_facility_code"),
            rs.getString("from_department"),
            rs.getString("to_facility_code"),
            rs.getString("to_department"),
            rs.getString("purpose"),
            rs.getString("summary"),
            rs.getString("diagnosis_code"),
            rs.getString("diagnosis_name"),
            indications == null || indications.isEmpty()
                ? List.of()
                : Arrays.asList(indications.split(",")),
            rs.getString("route_reason"),
            (Long) rs.getObject("requesting_staff_id", Long.class),
            rs.getString("requesting_doctor"),
            rs.getString("discharge_summary"),
            rs.getString("treatment_advice"),
            rs.getString("rehab_advice"),
            rs.getString("treating_contact"),
            (Long) rs.getObject("parent_id", Long.class),
            rs.getString("source_module"),
            rs.getObject("referral_date", LocalDate.class));
    Referral r = new Referral(form);
    r.id = rs.getLong("id");
    r.number = rs.getString("number");
    r.version = rs.getInt("version");
    r.status = ReferralStatus.valueOf(rs.getString("status"));
    r.greenChannel = rs.getBoolean("green_channel");
    r.outOfCounty = rs.getBoolean("out_of_county");
    r.stepStartedAt = time(rs, "step_started_at");
    r.submittedAt = time(rs, "submitted_at");
    r.receivedAt = time(rs, "received_at");
    r.acceptedAt = time(rs, "accepted_at");
    r.arrivedAt = time(rs, "arrived_at");
    r.treatedAt = time(rs, "treated_at");
    r.closedAt = time(rs, "closed_at");
    r.resultDueOn = rs.getObject("result_due_on", LocalDate.class);
    r.headOpinion = rs.getString("head_opinion");
    r.headName = rs.getString("head_name");
    String mode = rs.getString("care_mode");
    r.careMode = mode == null ? null : Referral.CareMode.valueOf(mode);
    String outcome = rs.getString("outcome");
    r.outcome = outcome == null ? null : Referral.Outcome.valueOf(outcome);
    r.declineReason = rs.getString("decline_reason");
    r.cancelReason = rs.getString("cancel_reason");
    return r;
  }

  private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toLocalDateTime();
  }
}
