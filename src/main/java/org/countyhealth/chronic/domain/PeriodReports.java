package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.rules.ReportingLine;
import org.countyhealth.chronic.rules.ReportingLine.Period;
import org.countyhealth.chronic.rules.ReportingLine.Refusal;
import org.countyhealth.chronic.rules.ReportingLine.Status;
import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Period reports level by level (000_65944b5c5b97f013.txt line 103): a facility submits a snapshot
 * of its figures plus its members' locked totals; the upper level returns or locks; the county
 * centre's lock closes the period with the county's own snapshot. Chronic staff submit
 * (CHRONIC_EDIT); chronic staff or the QC office of the upper level review (CHRONIC_EDIT or
 * QUALITY_CONTROL). Every submit, return and lock is audited.
 */
@Service
@Transactional
public class PeriodReports {

  public record Report(
      long id,
      Period period,
      String facilityCode,
      String facilityName,
      String upperCode,
      Status status,
      String submittedBy,
      LocalDateTime submittedAt,
      String returnReason,
      String lockedBy,
      LocalDateTime lockedAt,
      List<ReportFigure> own,
      List<ReportFigure> total) {}

  /** A member of the upper level and where its report stands (status null = missing). */
  public record Member(
      String facilityCode, String facilityName, Long reportId, Status status, String returnReason) {
    public String statusLabel() {
      return status == null ? "未上报" : status.label();
    }
  }

  public record Overview(
      Period period,
      String facilityCode,
      String facilityName,
      boolean reports,
      boolean top,
      Report own,
      List<Member> members) {
    public long submitted() {
      return members.stream()
          .filter(m -> m.status() != null && m.status() != Status.RETURNED)
          .count();
    }
  }

  private final JdbcClient jdbc;
  private final ReportFigures figures;
  private final ReportRows rows;
  private final AuditTrail audit;

  PeriodReports(JdbcClient jdbc, ReportFigures figures, ReportRows rows, AuditTrail audit) {
    this.jdbc = jdbc;
    this.figures = figures;
    this.rows = rows;
    this.audit = audit;
  }

  public static Period period(Integer year, Integer quarter) {
    if (!Period.valid(year, quarter)) {
      throw refusal(Refusal.BAD_PERIOD);
    }
    return new Period(year, quarter == null ? 0 : quarter);
  }

  @Transactional(readOnly = true)
  public Overview overview(Actor actor, Period period) {
    requireAny(actor, Privilege.CHRONIC_VIEW, Privilege.INDICATOR_VIEW, Privilege.QUALITY_CONTROL);
    String me = facility(actor);
    String[] f = facilityRow(me);
    Report own = rows.find(me, period);
    return new Overview(
        period,
        me,
        f[0],
        ReportingLine.reports(f[1]),
        ReportingLine.top(f[1]),
        own,
        rows.members(actor, me, period, true));
  }

  /** A report visible to its facility's scope or to its upper level. */
  @Transactional(readOnly = true)
  public Report report(Actor actor, long id) {
    requireAny(actor, Privilege.CHRONIC_VIEW, Privilege.INDICATOR_VIEW, Privilege.QUALITY_CONTROL);
    return rows.byId(actor, id).orElseThrow(() -> new NotFound("REPORT_NOT_FOUND", "报表不存在"));
  }

  /** Submits (or, after a return, resubmits) the actor's facility's report for the period. */
  public Report submit(Actor actor, Period period, LocalDate today) {
    Access.require(actor, Privilege.CHRONIC_EDIT);
    String me = facility(actor);
    String[] f = facilityRow(me);
    Report current = rows.find(me, period);
    List<Member> members = rows.members(actor, me, period, false);
    boolean membersLocked = members.stream().allMatch(m -> m.status() == Status.LOCKED);
    Refusal r =
        ReportingLine.submission(
            f[1], period, today, current == null ? null : current.status(), membersLocked);
    if (r != null) {
      throw refusal(r);
    }
    Map<Disease, ReportFigure> own = figures.own(actor, me, period, today);
    Map<Disease, ReportFigure> total = ReportFigures.sum(own, figures.memberTotals(me, period));
    long id;
    if (current == null) {
      var keys = new GeneratedKeyHolder();
      jdbc.sql(
              "INSERT INTO chronic.period_report (year, quarter, facility_code, upper_code, status,"
                  + " submitted_by, submitted_at) VALUES (?, ?, ?, ?, 'SUBMITTED', ?, ?)")
          .params(period.year(), period.quarter(), me, f[2], actor.username(), LocalDateTime.now())
          .update(keys, "id");
      id = keys.getKey().longValue();
    } else {
      id = current.id();
      int n =
          jdbc.sql(
                  "UPDATE chronic.period_report SET status = 'SUBMITTED', submitted_by = ?,"
                      + " submitted_at = ?, upper_code = ? WHERE id = ? AND status = 'RETURNED'")
              .params(actor.username(), LocalDateTime.now(), f[2], id)
              .update();
      if (n == 0) {
        throw refusal(Refusal.ALREADY_SUBMITTED);
      }
      figures.discard(id);
    }
    figures.store(id, "OWN", own);
    figures.store(id, "TOTAL", total);
    audit.describe("CHRONIC_REPORT_SUBMIT", "PeriodReport", String.valueOf(id));
    return rows.find(me, period);
  }

  /** The upper level returns a submitted, unlocked report with a reason. */
  public Report returnReport(Actor actor, long id, String reason) {
    requireAny(actor, Privilege.CHRONIC_EDIT, Privilege.QUALITY_CONTROL);
    Report report = report(actor, id);
    if (!facility(actor).equals(report.upperCode())) {
      throw refusal(Refusal.NOT_UPPER_LEVEL);
    }
    Refusal r = ReportingLine.returning(report.status(), reason);
    if (r != null) {
      throw new BusinessException(
          r.code(), r.message(), r == Refusal.REASON_REQUIRED ? "reason" : null);
    }
    jdbc.sql(
            "UPDATE chronic.period_report SET status = 'RETURNED', returned_by = ?, returned_at = ?,"
                + " return_reason = ? WHERE id = ? AND status = 'SUBMITTED'")
        .params(actor.username(), LocalDateTime.now(), reason.strip(), id)
        .update();
    audit.describe("CHRONIC_REPORT_RETURN", "PeriodReport", String.valueOf(id));
    return report(actor, id);
  }

  /**
   * Locks the period for the actor's members once all are in; at the top (the county centre) the
   * lock also records the county's own report: its figures plus the members' totals, final at once.
   */
  public Overview lock(Actor actor, Period period, LocalDate today) {
    requireAny(actor, Privilege.CHRONIC_EDIT, Privilege.QUALITY_CONTROL);
    String me = facility(actor);
    String[] f = facilityRow(me);
    boolean top = ReportingLine.top(f[1]);
    if (top && rows.find(me, period) != null) {
      throw refusal(Refusal.LOCKED);
    }
    List<Member> members = rows.members(actor, me, period, false);
    Refusal r =
        ReportingLine.lock(period, today, members.stream().map(Member::status).toList(), top);
    if (r != null) {
      throw refusal(r);
    }
    LocalDateTime now = LocalDateTime.now();
    jdbc.sql(
            "UPDATE chronic.period_report SET status = 'LOCKED', locked_by = ?, locked_at = ?"
                + " WHERE upper_code = ? AND year = ? AND quarter = ? AND status = 'SUBMITTED'")
        .params(actor.username(), now, me, period.year(), period.quarter())
        .update();
    if (top) {
      Map<Disease, ReportFigure> own = figures.own(actor, me, period, today);
      var keys = new GeneratedKeyHolder();
      jdbc.sql(
              "INSERT INTO chronic.period_report (year, quarter, facility_code, status, submitted_by,"
                  + " submitted_at, locked_by, locked_at) VALUES (?, ?, ?, 'LOCKED', ?, ?, ?, ?)")
          .params(period.year(), period.quarter(), me, actor.username(), now, actor.username(), now)
          .update(keys, "id");
      long id = keys.getKey().longValue();
      figures.store(id, "OWN", own);
      figures.store(id, "TOTAL", ReportFigures.sum(own, figures.memberTotals(me, period)));
    }
    audit.describe(
        "CHRONIC_REPORT_LOCK", "PeriodReport", me + ":" + period.year() + "Q" + period.quarter());
    return overview(actor, period);
  }

  /** Name, type and parent of a facility. */
  private String[] facilityRow(String code) {
    return jdbc.sql(
            "SELECT name, type, parent_code FROM organization.facility WHERE licence_code = ?")
        .param(code)
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
        .optional()
        .orElseThrow(() -> refusal(Refusal.NOT_A_REPORTER));
  }

  private static String facility(Actor actor) {
    if (actor.facilityCode() == null) {
      throw refusal(Refusal.NOT_A_REPORTER);
    }
    return actor.facilityCode();
  }

  private static void requireAny(Actor actor, Privilege... privileges) {
    for (Privilege p : privileges) {
      if (actor.can(p.name())) {
        return;
      }
    }
    throw new AccessDenied("CHRONIC_FORBIDDEN", "您没有" + privileges[0].label() + "的权限");
  }

  private static BusinessException refusal(Refusal r) {
    return new BusinessException(r.code(), r.message());
  }
}
