package org.countyhealth.referral.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.countyhealth.organization.FacilitySummary;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.rules.Escalation;
import org.countyhealth.referral.rules.ReferralStatus;
import org.countyhealth.referral.rules.ResultFollowUp;
import org.countyhealth.referral.rules.StepDeadlines;
import org.countyhealth.referral.rules.StepDeadlines.Step;
import org.countyhealth.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists for the pages. The data scope is applied in SQL: a referral is visible to the scopes of its
 * sending and its receiving facility.
 */
@Component
public class ReferralQueries {

  /** Which side of a referral a list shows. */
  public enum Side {
    SENT,
    RECEIVED,
    EITHER
  }

  /** One line of a list, with the step waited on and its deadline. */
  public record Row(
      long id,
      String number,
      Direction direction,
      ReferralStatus status,
      boolean greenChannel,
      long residentId,
      String patientName,
      String fromName,
      String toName,
      String diagnosis,
      LocalDate referralDate,
      Step waitingOn,
      LocalDateTime due,
      boolean overdue,
      LocalDate resultDueOn,
      boolean resultOverdue,
      String booking,
      String escalatedTo) {

    /** The waited-on step is overdue and was escalated (the queue's filter 已超时并升级). */
    public boolean escalated() {
      return escalatedTo != null;
    }
  }

  /** One line of the history. */
  public record HistoryLine(
      String action, String to, String actor, String reason, LocalDateTime at) {}

  private final JdbcClient jdbc;
  private final FacilityLookup facilities;
  private final StepDeadlines deadlines;

  ReferralQueries(JdbcClient jdbc, FacilityLookup facilities, ReferralSettings settings) {
    this.jdbc = jdbc;
    this.facilities = facilities;
    this.deadlines = settings.stepDeadlines();
  }

  static final String SELECT =
      "SELECT r.id, r.number, r.direction, r.status, r.green_channel, r.resident_id,"
          + " r.patient_name, r.from_facility_code, r.to_facility_code, r.diagnosis_code,"
          + " r.diagnosis_name, r.referral_date, r.step_started_at, r.result_due_on,"
          + " r.result_recorded_on, s.name AS resource_name, s.starts_at AS resource_at,"
          + " (SELECT MAX(e.notified) FROM referral.escalation e WHERE e.referral_id = r.id"
          + " AND e.step_started_at = r.step_started_at) AS escalated_to"
          + " FROM referral.referral r LEFT JOIN referral.booking b ON b.referral_id = r.id"
          + " LEFT JOIN referral.resource s ON s.id = b.resource_id";

  /** Referrals of a side within the scope, newest first (at most 200). */
  public List<Row> list(DataScope scope, Side side, Direction direction, boolean openOnly) {
    return list(scope, side, direction, openOnly, false);
  }

  /** As above; {@code escalatedOnly} keeps the referrals whose current step was escalated. */
  public List<Row> list(
      DataScope scope, Side side, Direction direction, boolean openOnly, boolean escalatedOnly) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (!scope.all()) {
      if (scope.licenceCodes().isEmpty()) {
        return List.of();
      }
      where.append(
          switch (side) {
            case SENT -> " AND r.from_facility_code IN (:codes)";
            case RECEIVED -> " AND r.to_facility_code IN (:codes)";
            case EITHER ->
                " AND (r.from_facility_code IN (:codes) OR r.to_facility_code IN (:codes))";
          });
    }
    if (direction != null) {
      where.append(" AND r.direction = :direction");
    }
    if (openOnly) {
      where.append(" AND ").append(OfficeQueue.OPEN);
    }
    if (escalatedOnly) {
      where.append(
          " AND EXISTS (SELECT 1 FROM referral.escalation e WHERE e.referral_id = r.id"
              + " AND e.step_started_at = r.step_started_at)");
    }
    String order =
        openOnly
            ? " ORDER BY r.green_channel DESC, r.step_started_at, r.id"
            : " ORDER BY r.id DESC";
    var spec = jdbc.sql(SELECT + where + order + " LIMIT 200");
    if (!scope.all()) {
      spec = spec.param("codes", scope.licenceCodes());
    }
    if (direction != null) {
      spec = spec.param("direction", direction.name());
    }
    return rows(spec.query(this::raw).list());
  }

  /** A resident's referrals the scope may see. */
  public List<Row> ofResident(DataScope scope, long residentId) {
    String where = " WHERE r.resident_id = :resident";
    if (!scope.all()) {
      if (scope.licenceCodes().isEmpty()) {
        return List.of();
      }
      where += " AND (r.from_facility_code IN (:codes) OR r.to_facility_code IN (:codes))";
    }
    var spec = jdbc.sql(SELECT + where + " ORDER BY r.id DESC").param("resident", residentId);
    if (!scope.all()) {
      spec = spec.param("codes", scope.licenceCodes());
    }
    return rows(spec.query(this::raw).list());
  }

  public List<HistoryLine> history(long referralId) {
    return jdbc.sql(
            "SELECT action, to_status, actor, reason, at FROM referral.history"
                + " WHERE referral_id = ? ORDER BY at, id")
        .param(referralId)
        .query(
            (rs, i) ->
                new HistoryLine(
                    rs.getString(1),
                    ReferralStatus.valueOf(rs.getString(2)).label(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toLocalDateTime()))
        .list();
  }

  public Map<String, String> facilityNames() {
    return facilities.all().stream()
        .collect(Collectors.toMap(FacilitySummary::licenceCode, FacilitySummary::name));
  }

  /** Facilities a referral may go to from the form: townships and above, active, by level. */
  public List<FacilitySummary> targets(boolean down) {
    return facilities.all().stream()
        .filter(FacilitySummary::active)
        .filter(f -> down ? f.type().level() <= 2 : f.type().level() >= 2)
        .toList();
  }

  record Raw(
      long id,
      String number,
      Direction direction,
      ReferralStatus status,
      boolean green,
      long residentId,
      String patient,
      String from,
      String to,
      String diagnosis,
      LocalDate date,
      LocalDateTime stepStarted,
      LocalDate resultDue,
      LocalDate resultRecorded,
      String booking,
      String escalatedTo) {}

  Raw raw(ResultSet rs, int i) throws SQLException {
    Timestamp at = rs.getTimestamp("resource_at");
    String booking =
        rs.getString("resource_name") == null
            ? null
            : rs.getString("resource_name")
                + " "
                + at.toLocalDateTime().toString().replace('T', ' ');
    String name = rs.getString("diagnosis_name");
    return new Raw(
        rs.getLong("id"),
        rs.getString("number"),
        Direction.valueOf(rs.getString("direction")),
        ReferralStatus.valueOf(rs.getString("status")),
        rs.getBoolean("green_channel"),
        rs.getLong("resident_id"),
        rs.getString("patient_name"),
        rs.getString("from_facility_code"),
        rs.getString("to_facility_code"),
        rs.getString("diagnosis_code") + (name == null ? "" : " " + name),
        rs.getObject("referral_date", LocalDate.class),
        rs.getTimestamp("step_started_at").toLocalDateTime(),
        rs.getObject("result_due_on", LocalDate.class),
        rs.getObject("result_recorded_on", LocalDate.class),
        booking,
        rs.getString("escalated_to") == null
            ? null
            : Escalation.Notified.valueOf(rs.getString("escalated_to")).label());
  }

  private List<Row> rows(List<Raw> raws) {
    return rows(raws, LocalDateTime.now());
  }

  /** Rows with their deadlines, in one pass; facility names come from one query for the page. */
  List<Row> rows(List<Raw> raws, LocalDateTime now) {
    if (raws.isEmpty()) {
      return List.of();
    }
    Map<String, String> names = facilityNames();
    return raws.stream()
        .map(
            r -> {
              Step step = StepDeadlines.waitingOn(r.direction(), r.status());
              LocalDateTime due =
                  step == null ? null : r.stepStarted().plus(deadlines.allowed(step, r.green()));
              boolean resultOverdue =
                  r.resultDue() != null
                      && ResultFollowUp.overdue(
                          r.resultDue().minusDays(14), r.resultRecorded(), now.toLocalDate());
              return new Row(
                  r.id(),
                  r.number(),
                  r.direction(),
                  r.status(),
                  r.green(),
                  r.residentId(),
                  r.patient(),
                  names.getOrDefault(r.from(), r.from()),
                  names.getOrDefault(r.to(), r.to()),
                  r.diagnosis(),
                  r.date(),
                  step,
                  due,
                  due != null && now.isAfter(due),
                  r.resultDue(),
                  resultOverdue,
                  r.booking(),
                  r.escalatedTo());
            })
        .toList();
  }
}
