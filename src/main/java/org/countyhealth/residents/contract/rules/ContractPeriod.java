package org.countyhealth.residents.contract.rules;

import java.time.LocalDate;
import org.countyhealth.shared.BusinessException;

/**
 * Period of a family-doctor contract: one year by default (000_65944b5c5b97f013.txt line 692;
 * 签约服务原则上一年一签), at most three. A renewal starts the day after the renewed contract ends, or on the
 * day of renewal when that contract has lapsed; it may be signed from 90 days before the end
 * (project rule: the annual renewal campaign).
 */
public record ContractPeriod(LocalDate start, LocalDate end) {

  public static final int RENEWAL_WINDOW_DAYS = 90;

  public ContractPeriod {
    if (start == null) {
      throw new BusinessException("CONTRACT_START_REQUIRED", "请填写签约开始日期", "start");
    }
    if (end == null) {
      end = start.minusDays(1).plusYears(1); // 29 Feb 2024 → 28 Feb 2025
    }
    if (end.isBefore(start)) {
      throw new BusinessException("CONTRACT_PERIOD_INVALID", "结束日期不能早于开始日期", "end");
    }
    if (end.isAfter(start.minusDays(1).plusYears(3))) {
      throw new BusinessException("CONTRACT_PERIOD_TOO_LONG", "签约周期最长三年", "end");
    }
  }

  public static ContractPeriod oneYearFrom(LocalDate start) {
    return new ContractPeriod(start, null);
  }

  /**
   * The period of the renewal of a contract ending on {@code previousEnd}, renewed on {@code
   * today}.
   */
  public static ContractPeriod renewal(LocalDate previousEnd, LocalDate today) {
    if (today.isBefore(previousEnd.minusDays(RENEWAL_WINDOW_DAYS))) {
      throw new BusinessException(
          "CONTRACT_RENEWAL_TOO_EARLY", "合同到期前 " + RENEWAL_WINDOW_DAYS + " 天内方可续签");
    }
    LocalDate start = today.isAfter(previousEnd) ? today : previousEnd.plusDays(1);
    return oneYearFrom(start);
  }

  /** Last day of service of a contract terminated on {@code terminatedOn}: the day before. */
  public LocalDate effectiveEnd(LocalDate terminatedOn) {
    if (terminatedOn == null) {
      return end;
    }
    LocalDate lastDay = (terminatedOn.isBefore(start) ? start : terminatedOn).minusDays(1);
    return lastDay.isBefore(end) ? lastDay : end;
  }

  public boolean covers(LocalDate day) {
    return !day.isBefore(start) && !day.isAfter(end);
  }

  public boolean overlaps(LocalDate otherStart, LocalDate otherEnd) {
    return !otherStart.isAfter(end) && !otherEnd.isBefore(start);
  }
}
