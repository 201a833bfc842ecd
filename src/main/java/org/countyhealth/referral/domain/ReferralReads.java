package org.countyhealth.referral.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.ReferralCriteria;
import org.countyhealth.referral.ReferralSummary;
import org.countyhealth.referral.rules.ReferralStatus;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Referrals for other modules. The data scope is in the SQL: a referral is visible to the scopes of
 * its sending and its receiving facility, as on the pages.
 */
@Repository
class ReferralReads {

  private static final String SELECT =
      "SELECT r.id, r.number, r.direction, r.status, r.green_channel, r.resident_id,"
          + " r.from_facility_code, r.to_facility_code, r.diagnosis_code, r.diagnosis_name,"
          + " r.purpose, r.requesting_staff_id, r.requesting_doctor, r.decline_reason,"
          + " r.cancel_reason, r.referral_date, r.created_at, r.step_started_at"
          + " FROM referral.referral r WHERE ";

  private final JdbcClient jdbc;

  ReferralReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<ReferralSummary> find(long id, DataScope scope) {
    Map<String, Object> params = new HashMap<>();
    params.put("id", id);
    return jdbc.sql(SELECT + "r.id = :id AND " + scope(scope, params))
        .params(params)
        .query(ReferralReads::summary)
        .optional();
  }

  Slice<ReferralSummary> search(DataScope scope, ReferralCriteria c, Window window) {
    Map<String, Object> params = new HashMap<>();
    StringBuilder where = new StringBuilder(scope(scope, params));
    if (c.residentId() != null) {
      where.append(" AND r.resident_id = :resident");
      params.put("resident", c.residentId());
    }
    if (!c.statuses().isEmpty()) {
      where.append(" AND r.status IN (:statuses)");
      params.put("statuses", c.statuses());
    }
    if (c.fromFacilityCode() != null) {
      where.append(" AND r.from_facility_code = :from");
      params.put("from", c.fromFacilityCode());
    }
    if (c.toFacilityCode() != null) {
      where.append(" AND r.to_facility_code = :to");
      params.put("to", c.toFacilityCode());
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM referral.referral r WHERE " + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", window.count());
    params.put("offset", window.offset());
    List<ReferralSummary> rows =
        jdbc.sql(SELECT + where + " ORDER BY r.id DESC LIMIT :limit OFFSET :offset")
            .params(params)
            .query(ReferralReads::summary)
            .list();
    return new Slice<>(rows, total);
  }

  private static String scope(DataScope scope, Map<String, Object> params) {
    if (scope.all()) {
      return "TRUE";
    }
    if (scope.licenceCodes().isEmpty()) {
      return "FALSE";
    }
    params.put("codes", scope.licenceCodes());
    return "(r.from_facility_code IN (:codes) OR r.to_facility_code IN (:codes))";
  }

  private static ReferralSummary summary(ResultSet rs, int row) throws SQLException {
    ReferralStatus status = ReferralStatus.valueOf(rs.getString("status"));
    String reason =
        rs.getString("decline_reason") != null
            ? rs.getString("decline_reason")
            : rs.getString("cancel_reason");
    return new ReferralSummary(
        rs.getLong("id"),
        rs.getString("number"),
        Direction.valueOf(rs.getString("direction")),
        status.name(),
        status.label(),
        rs.getBoolean("green_channel"),
        rs.getLong("resident_id"),
        rs.getString("from_facility_code"),
        rs.getString("to_facility_code"),
        rs.getString("diagnosis_code"),
        rs.getString("diagnosis_name"),
        rs.getString("purpose"),
        rs.getObject("requesting_staff_id", Long.class),
        rs.getString("requesting_doctor"),
        reason,
        rs.getObject("referral_date", LocalDate.class),
        rs.getTimestamp("created_at").toLocalDateTime(),
        rs.getTimestamp("step_started_at").toLocalDateTime());
  }
}
