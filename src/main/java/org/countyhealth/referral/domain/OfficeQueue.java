package org.countyhealth.referral.domain;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.domain.ReferralQueries.Row;
import org.countyhealth.referral.rules.ReferralStatus;
import org.countyhealth.referral.rules.StepDeadlines;
import org.countyhealth.referral.rules.StepDeadlines.Step;
import org.countyhealth.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The referral office's 24-hour queue (000_65944b5c5b97f013.txt lines 531, 594–600): the open
 * up-referrals received by the scope, green channel first, longest waiting first, one page at a
 * time with the counts of the whole queue. Open means one of the non-terminal statuses, listed in
 * the same order as the partial index {@code referral_open_queue_idx} (V4_0_2) so that PostgreSQL
 * reads only the open rows; overdue is decided in SQL from per-step cut-off times.
 */
@Component
public class OfficeQueue {

  /** Rows per page. */
  public static final int PAGE_SIZE = 50;

  /** The open statuses, in enum order (the index predicate lists them the same way). */
  static final String OPEN =
      Arrays.stream(ReferralStatus.values())
          .filter(ReferralStatus::open)
          .map(s -> "'" + s.name() + "'")
          .collect(Collectors.joining(", ", "r.status IN (", ")"));

  private static final String ESCALATED =
      "EXISTS (SELECT 1 FROM referral.escalation e WHERE e.referral_id = r.id"
          + " AND e.step_started_at = r.step_started_at)";

  /** One page of the queue with the counts of the whole queue. */
  public record Page(List<Row> rows, int page, long total, long overdue, long escalated) {

    public int pages() {
      return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    public boolean hasPrevious() {
      return page > 1;
    }

    public boolean hasNext() {
      return page < pages();
    }
  }

  private final JdbcClient jdbc;
  private final ReferralQueries queries;
  private final StepDeadlines deadlines;

  OfficeQueue(JdbcClient jdbc, ReferralQueries queries, ReferralSettings settings) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.deadlines = settings.stepDeadlines();
  }

  /**
   * Page {@code page} (from 1) of the queue; {@code escalatedOnly} keeps the referrals whose
   * current step was escalated. Three statements whatever the page size: counts, rows, names.
   */
  public Page page(DataScope scope, boolean escalatedOnly, int page, LocalDateTime now) {
    if (!scope.all() && scope.licenceCodes().isEmpty()) {
      return new Page(List.of(), 1, 0, 0, 0);
    }
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder(" WHERE " + OPEN + " AND r.direction = 'UP'");
    if (!scope.all()) {
      where.append(" AND r.to_facility_code IN (:codes)");
      params.put("codes", scope.licenceCodes());
    }
    String overdue = overdue(now, params);
    var counts =
        jdbc.sql(
                "SELECT COUNT(*) AS total,"
                    + " COALESCE(SUM(CASE WHEN "
                    + overdue
                    + " THEN 1 ELSE 0 END), 0) AS overdue,"
                    + " COALESCE(SUM(CASE WHEN "
                    + ESCALATED
                    + " THEN 1 ELSE 0 END), 0) AS escalated"
                    + " FROM referral.referral r"
                    + where)
            .params(params)
            .query(
                (rs, i) -> new long[] {rs.getLong("total"), rs.getLong("overdue"), rs.getLong(3)})
            .single();
    if (escalatedOnly) {
      where.append(" AND ").append(ESCALATED);
    }
    long total = escalatedOnly ? counts[2] : counts[0];
    int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.min(Math.max(1, page), pages);
    params.put("limit", PAGE_SIZE);
    params.put("offset", (current - 1) * PAGE_SIZE);
    List<ReferralQueries.Raw> raws =
        jdbc.sql(
                ReferralQueries.SELECT
                    + where
                    + " ORDER BY r.green_channel DESC, r.step_started_at, r.id"
                    + " LIMIT :limit OFFSET :offset")
            .params(params)
            .query(queries::raw)
            .list();
    return new Page(queries.rows(raws, now), current, total, counts[1], counts[2]);
  }

  /**
   * Overdue in SQL: for each status that waits on a step, the step started before now minus the
   * time allowed (green channel or not). Cut-offs are parameters, so both databases agree.
   */
  private String overdue(LocalDateTime now, Map<String, Object> params) {
    List<String> terms = new ArrayList<>();
    for (ReferralStatus status : ReferralStatus.values()) {
      Step step = StepDeadlines.waitingOn(Direction.UP, status);
      if (step == null) {
        continue;
      }
      for (boolean green : new boolean[] {true, false}) {
        String name = "cut_" + status.name().toLowerCase() + (green ? "_green" : "");
        params.put(name, Timestamp.valueOf(now.minus(deadlines.allowed(step, green))));
        terms.add(
            "(r.status = '"
                + status.name()
                + "' AND r.green_channel = "
                + green
                + " AND r.step_started_at < :"
                + name
                + ")");
      }
    }
    return "(" + String.join(" OR ", terms) + ")";
  }
}
