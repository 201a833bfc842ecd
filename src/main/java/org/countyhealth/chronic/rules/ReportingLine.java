package org.countyhealth.chronic.rules;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Reporting level by level: a village clinic's figures go to its township centre, the township's
 * (with its villages') to the county chronic-disease centre (000_65944b5c5b97f013.txt line 103; the
 * levels of line 75). The upper level sees who is in, may return a report with a reason, and locks
 * the period when all are in; a locked report is final.
 */
public final class ReportingLine {

  private ReportingLine() {}

  /** Where a report stands; no report at all is "missing". */
  public enum Status {
    SUBMITTED("已上报"),
    RETURNED("已退回"),
    LOCKED("已锁定");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Why an action is refused: a stable code and the Chinese message. */
  public enum Refusal {
    BAD_PERIOD("REPORT_BAD_PERIOD", "报表期间无效：年度应在 2000–2100 之间，季度为 1–4（全年为空或 0）"),
    NOT_A_REPORTER("REPORT_NOT_A_REPORTER", "本机构不逐级上报报表（总医院慢病管理中心为最高一级，只汇总锁定）"),
    PERIOD_NOT_ENDED("REPORT_PERIOD_NOT_ENDED", "报表期间尚未结束，期满后才能上报"),
    ALREADY_SUBMITTED("REPORT_ALREADY_SUBMITTED", "本期报表已上报，等待上级审核；如需修改请由上级退回"),
    LOCKED("REPORT_LOCKED", "本期报表已锁定，数据已冻结，不能重新上报或退回"),
    MEMBERS_NOT_LOCKED("REPORT_MEMBERS_NOT_LOCKED", "下级机构的本期报表尚未全部上报并锁定，请先审核锁定后再上报"),
    MEMBERS_MISSING("REPORT_MEMBERS_MISSING", "仍有下级机构未上报或被退回待重报，不能锁定本期"),
    NOT_RETURNABLE("REPORT_NOT_RETURNABLE", "只能退回已上报、未锁定的报表"),
    REASON_REQUIRED("REPORT_REASON_REQUIRED", "请填写退回原因（不超过200字）"),
    NOT_UPPER_LEVEL("REPORT_NOT_UPPER_LEVEL", "只有上一级机构可以审核、退回或锁定该报表");

    private final String code;
    private final String message;

    Refusal(String code, String message) {
      this.code = code;
      this.message = message;
    }

    public String code() {
      return code;
    }

    public String message() {
      return message;
    }
  }

  /** A quarter (1–4) or a whole year (quarter 0). */
  public record Period(int year, int quarter) {

    public static boolean valid(Integer year, Integer quarter) {
      return year != null
          && year >= 2000
          && year <= 2100
          && (quarter == null || (quarter >= 0 && quarter <= 4));
    }

    public LocalDate start() {
      return quarter == 0 ? LocalDate.of(year, 1, 1) : LocalDate.of(year, quarter * 3 - 2, 1);
    }

    public LocalDate end() {
      return quarter == 0 ? LocalDate.of(year, 12, 31) : start().plusMonths(3).minusDays(1);
    }

    /** The quarter argument of the indicator services: null for the whole year. */
    public Integer quarterOrNull() {
      return quarter == 0 ? null : quarter;
    }

    public String label() {
      return quarter == 0 ? year + " 年全年" : year + " 年第 " + quarter + " 季度";
    }
  }

  /** Types that report upwards: every member below the lead hospital. */
  public static boolean reports(String facilityType) {
    return switch (facilityType == null ? "" : facilityType) {
      case "VILLAGE_CLINIC",
              "TOWNSHIP_HEALTH_CENTRE",
              "COMMUNITY_HEALTH_CENTRE",
              "COUNTY_GENERAL_HOSPITAL",
              "COUNTY_TCM_HOSPITAL" ->
          true;
      default -> false;
    };
  }

  /**
   * The lead hospital's chronic-disease centre is the top: it locks and sums, it does not submit.
   */
  public static boolean top(String facilityType) {
    return "LEAD_HOSPITAL".equals(facilityType);
  }

  /**
   * Whether a facility may submit (or resubmit) its report now. {@code current} is null when it has
   * no report yet; {@code membersLocked} means every member's report of the period is locked.
   */
  public static Refusal submission(
      String facilityType, Period period, LocalDate today, Status current, boolean membersLocked) {
    if (!reports(facilityType)) {
      return Refusal.NOT_A_REPORTER;
    }
    if (!today.isAfter(period.end())) {
      return Refusal.PERIOD_NOT_ENDED;
    }
    if (current == Status.LOCKED) {
      return Refusal.LOCKED;
    }
    if (current == Status.SUBMITTED) {
      return Refusal.ALREADY_SUBMITTED;
    }
    return membersLocked ? null : Refusal.MEMBERS_NOT_LOCKED;
  }

  /** Whether the upper level may return a member's report with this reason. */
  public static Refusal returning(Status current, String reason) {
    if (current == Status.LOCKED) {
      return Refusal.LOCKED;
    }
    if (current != Status.SUBMITTED) {
      return Refusal.NOT_RETURNABLE;
    }
    if (reason == null || reason.isBlank() || reason.strip().length() > 200) {
      return Refusal.REASON_REQUIRED;
    }
    return null;
  }

  /**
   * Whether the upper level may lock the period: every member has submitted (none missing, none
   * returned). {@code members} holds each member's status, null for a missing report; a facility
   * without members only locks when it is the top (the county's own report closes the period).
   */
  public static Refusal lock(
      Period period, LocalDate today, Collection<Status> members, boolean top) {
    if (members.isEmpty() && !top) {
      return Refusal.NOT_UPPER_LEVEL;
    }
    if (!today.isAfter(period.end())) {
      return Refusal.PERIOD_NOT_ENDED;
    }
    boolean allIn = members.stream().allMatch(s -> s == Status.SUBMITTED || s == Status.LOCKED);
    return allIn ? null : Refusal.MEMBERS_MISSING;
  }
}
