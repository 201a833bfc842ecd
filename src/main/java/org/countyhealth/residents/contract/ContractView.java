package org.countyhealth.residents.contract;

import java.time.LocalDate;

/** A contract as pages and the API show it. */
public record ContractView(
    long id,
    long residentId,
    String residentName,
    long teamId,
    String teamName,
    String facilityCode,
    String packageCode,
    String packageName,
    LocalDate start,
    LocalDate end,
    LocalDate effectiveEnd,
    Long previousId,
    Long renewedById,
    String status,
    LocalDate terminatedOn,
    String terminationReason) {

  /** 未生效, 履约中, 已到期, 已解约 on the day. */
  public String stateOn(LocalDate day) {
    if ("TERMINATED".equals(status)) {
      return "已解约";
    }
    if (day.isBefore(start)) {
      return "未生效";
    }
    if (day.isAfter(effectiveEnd)) {
      return "已到期";
    }
    return "履约中";
  }

  public String state() {
    return stateOn(LocalDate.now());
  }

  public boolean renewable() {
    return renewedById == null && !"TERMINATED".equals(status);
  }

  public boolean terminable() {
    return !"TERMINATED".equals(status) && !effectiveEnd.isBefore(LocalDate.now());
  }
}
