package org.countyhealth.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import org.countyhealth.audit.domain.AuditQuery;
import org.countyhealth.shared.BusinessException;
import org.springframework.format.annotation.DateTimeFormat;

/** The search form: all fields optional; dates are whole days in the display time zone. */
record AuditFilterForm(
    String actor,
    String facility,
    String action,
    String objectType,
    String objectId,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
    Integer page,
    Integer size) {

  AuditQuery toQuery(ZoneId zone) {
    if (from != null && to != null && from.isAfter(to)) {
      throw new BusinessException("AUDIT_RANGE_INVALID", "开始日期不能晚于结束日期", "from");
    }
    return new AuditQuery(
        actor,
        facility,
        action,
        objectType,
        objectId,
        from == null ? null : from.atStartOfDay(zone).toInstant(),
        to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
        page == null ? 0 : page,
        size == null ? 50 : size);
  }
}
