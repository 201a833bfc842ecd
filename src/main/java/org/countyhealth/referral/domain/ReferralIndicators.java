package org.countyhealth.referral.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.countyhealth.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Referral indicators (000_65944b5c5b97f013.txt lines 566–567; 002_5a0cee0a97f36cae.txt line 36:
 * 牵头单位下转病例占比增高，成员单位上转病例占比降低), per sending facility and month, in one set-based query over the
 * referral table. Drafts do not count.
 */
@Component
public class ReferralIndicators {

  /** One facility-month. Shares are percentages, medians minutes (accept) and hours (arrival). */
  public record Row(
      String facilityCode,
      String facilityName,
      int year,
      int month,
      long up,
      long down,
      Double upDownRatio,
      Double acceptedShare,
      Double medianAcceptMinutes,
      Double medianArrivalHours,
      Double downConfirmedShare,
      /** Chronic-programme up-referrals whose result the sender followed up within 2 weeks. */
      Double resultOnTimeShare,
      long outOfCounty) {}

  /** Consortium totals of a month, for the chart. */
  public record Month(int year, int month, long up, long down) {}

  private final JdbcClient jdbc;
  private final FacilityLookup facilities;

  ReferralIndicators(JdbcClient jdbc, FacilityLookup facilities) {
    this.jdbc = jdbc;
    this.facilities = facilities;
  }

  private static final String MINUTES_TO_ACCEPT =
      "(EXTRACT(EPOCH FROM accepted_at) - EXTRACT(EPOCH FROM submitted_at)) / 60.0";
  private static final String HOURS_TO_ARRIVE =
      "(EXTRACT(EPOCH FROM arrived_at) - EXTRACT(EPOCH FROM accepted_at)) / 3600.0";

  /**
   * An up-referral of the chronic programme (lines 125, 134 ask the township to follow these up
   * within 2 weeks): requested by the chronic module or ticking a hypertension/diabetes indication.
   */
  static final String CHRONIC_UP =
      "(direction = 'UP' AND (source_module = 'chronic' OR indications LIKE '%HTN_UP_%'"
          + " OR indications LIKE '%DM_UP_%'))";

  public List<Row> perFacilityAndMonth(DataScope scope, LocalDate from, LocalDate to) {
    String sql =
        "SELECT from_facility_code, EXTRACT(YEAR FROM referral_date) AS y,"
            + " EXTRACT(MONTH FROM referral_date) AS m,"
            + " SUM(CASE WHEN direction = 'UP' THEN 1 ELSE 0 END) AS up_n,"
            + " SUM(CASE WHEN direction = 'DOWN' THEN 1 ELSE 0 END) AS down_n,"
            + " SUM(CASE WHEN direction = 'UP' AND accepted_at IS NOT NULL THEN 1 ELSE 0 END) AS accepted,"
            + " SUM(CASE WHEN direction = 'UP' AND status = 'DECLINED' THEN 1 ELSE 0 END) AS declined,"
            + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "
            + MINUTES_TO_ACCEPT
            + ") AS med_accept,"
            + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY "
            + HOURS_TO_ARRIVE
            + ") AS med_arrive,"
            + " SUM(CASE WHEN direction = 'DOWN' AND status = 'CLOSED' THEN 1 ELSE 0 END) AS down_ok,"
            + " SUM(CASE WHEN direction = 'DOWN' AND status NOT IN ('CANCELLED', 'DECLINED')"
            + "   THEN 1 ELSE 0 END) AS down_valid,"
            + " SUM(CASE WHEN "
            + CHRONIC_UP
            + " AND result_recorded_on IS NOT NULL"
            + "   AND result_recorded_on <= result_due_on THEN 1 ELSE 0 END) AS result_ok,"
            + " SUM(CASE WHEN "
            + CHRONIC_UP
            + " THEN 1 ELSE 0 END) AS chronic_up,"
            + " SUM(CASE WHEN out_of_county THEN 1 ELSE 0 END) AS outside"
            + " FROM referral.referral WHERE status <> 'DRAFTED'"
            + " AND referral_date >= :from AND referral_date <= :to"
            + (scope.all() ? "" : " AND from_facility_code IN (:codes)")
            + " GROUP BY from_facility_code, EXTRACT(YEAR FROM referral_date),"
            + " EXTRACT(MONTH FROM referral_date) ORDER BY y, m, from_facility_code";
    if (!scope.all() && scope.licenceCodes().isEmpty()) {
      return List.of();
    }
    var spec = jdbc.sql(sql).param("from", from).param("to", to);
    if (!scope.all()) {
      spec = spec.param("codes", scope.licenceCodes());
    }
    Map<String, String> names = facilities.names();
    return spec.query(
            (rs, i) -> {
              long up = rs.getLong("up_n");
              long down = rs.getLong("down_n");
              long accepted = rs.getLong("accepted");
              long decided = accepted + rs.getLong("declined");
              String code = rs.getString(1);
              return new Row(
                  code,
                  names.getOrDefault(code, code),
                  rs.getInt("y"),
                  rs.getInt("m"),
                  up,
                  down,
                  down == 0 ? null : round((double) up / down),
                  share(accepted, decided),
                  number(rs.getObject("med_accept")),
                  number(rs.getObject("med_arrive")),
                  share(rs.getLong("down_ok"), rs.getLong("down_valid")),
                  share(rs.getLong("result_ok"), rs.getLong("chronic_up")),
                  rs.getLong("outside"));
            })
        .list();
  }

  public List<Month> months(DataScope scope, LocalDate from, LocalDate to) {
    return perFacilityAndMonth(scope, from, to).stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                r -> r.year() * 100 + r.month(),
                java.util.TreeMap::new,
                java.util.stream.Collectors.toList()))
        .entrySet()
        .stream()
        .map(
            e ->
                new Month(
                    e.getKey() / 100,
                    e.getKey() % 100,
                    e.getValue().stream().mapToLong(Row::up).sum(),
                    e.getValue().stream().mapToLong(Row::down).sum()))
        .toList();
  }

  static Double share(long part, long whole) {
    return whole == 0 ? null : round(100.0 * part / whole);
  }

  static Double number(Object value) {
    return value == null ? null : round(((Number) value).doubleValue());
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
