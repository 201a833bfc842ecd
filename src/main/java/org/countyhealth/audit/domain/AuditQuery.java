package org.countyhealth.audit.domain;

import java.time.Instant;
import org.countyhealth.shared.BusinessException;

/** Filters of the audit search; empty strings mean "any". Times are half-open [from, to). */
public record AuditQuery(
    String actor,
    String facility,
    String action,
    String objectType,
    String objectId,
    Instant from,
    Instant to,
    int page,
    int size) {

  public static final int MAX_SIZE = 200;

  public AuditQuery {
    actor = blankToNull(actor);
    facility = blankToNull(facility);
    action = blankToNull(action);
    objectType = blankToNull(objectType);
    objectId = blankToNull(objectId);
    if (from != null && to != null && from.isAfter(to)) {
      throw new BusinessException("AUDIT_RANGE_INVALID", "开始时间不能晚于结束时间", "from");
    }
    if (page < 0) {
      throw new BusinessException("AUDIT_PAGE_INVALID", "页码不能为负数", "page");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new BusinessException("AUDIT_SIZE_INVALID", "每页条数应在 1 到 200 之间", "size");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
