package org.countyhealth.referral.domain;

import java.time.LocalDateTime;
import java.util.List;
import org.countyhealth.shared.BusinessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The consortium's resource pool (000_65944b5c5b97f013.txt line 1849; line 567: 预约挂号、预约检查、 预约住院):
 * clinic slots (号源), beds and exams the county hospitals offer for referred patients.
 */
@Component
public class ResourcePool {

  /** Kinds of resource. */
  public enum Kind {
    CLINIC_SLOT("专家门诊号源"),
    BED("住院床位"),
    EXAM("检查预约");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A resource with its remaining places. */
  public record Resource(
      long id,
      String facilityCode,
      Kind kind,
      String department,
      String name,
      LocalDateTime startsAt,
      int capacity,
      int booked) {
    public int free() {
      return capacity - booked;
    }
  }

  private final JdbcClient jdbc;

  ResourcePool(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long offer(
      String facilityCode,
      Kind kind,
      String department,
      String name,
      LocalDateTime startsAt,
      int capacity) {
    if (capacity < 1 || capacity > 500) {
      throw new BusinessException("RESOURCE_CAPACITY_INVALID", "数量应在1到500之间", "capacity");
    }
    org.springframework.jdbc.support.GeneratedKeyHolder keys =
        new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO referral.resource (facility_code, kind, department, name, starts_at,"
                + " capacity) VALUES (?, ?, ?, ?, ?, ?)")
        .params(facilityCode, kind.name(), department, name, startsAt, capacity)
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Free resources of a facility from a moment on, soonest first. */
  public List<Resource> available(String facilityCode, LocalDateTime from) {
    return jdbc.sql(
            "SELECT * FROM referral.resource WHERE facility_code = ? AND starts_at >= ?"
                + " AND booked < capacity ORDER BY starts_at, id LIMIT 50")
        .params(facilityCode, from)
        .query(ResourcePool::map)
        .list();
  }

  /** Takes one place; refused when full or offered by another facility. */
  void book(long resourceId, String facilityCode, long referralId, String by, LocalDateTime now) {
    int rows =
        jdbc.sql(
                "UPDATE referral.resource SET booked = booked + 1"
                    + " WHERE id = ? AND facility_code = ? AND booked < capacity")
            .params(resourceId, facilityCode)
            .update();
    if (rows == 0) {
      throw new BusinessException(
          "REFERRAL_RESOURCE_UNAVAILABLE", "所选号源／床位／检查已约满或不属于接收机构，请重新选择", "resourceId");
    }
    jdbc.sql(
            "INSERT INTO referral.booking (referral_id, resource_id, booked_by, booked_at)"
                + " VALUES (?, ?, ?, ?)")
        .params(referralId, resourceId, by, now)
        .update();
  }

  /** A cancelled referral gives its place back. */
  void release(long referralId) {
    jdbc.sql(
            "UPDATE referral.resource SET booked = booked - 1 WHERE id ="
                + " (SELECT resource_id FROM referral.booking WHERE referral_id = ?)")
        .param(referralId)
        .update();
    jdbc.sql("DELETE FROM referral.booking WHERE referral_id = ?").param(referralId).update();
  }

  static Resource map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Resource(
        rs.getLong("id"),
        rs.getString("facility_code"),
        Kind.valueOf(rs.getString("kind")),
        rs.getString("department"),
        rs.getString("name"),
        rs.getTimestamp("starts_at").toLocalDateTime(),
        rs.getInt("capacity"),
        rs.getInt("booked"));
  }
}
