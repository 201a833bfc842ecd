package org.countyhealth.referral.web;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.countyhealth.referral.rules.ReferralStatus;
import org.countyhealth.residents.ResidentPageSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The resident page counts the resident's referrals and links to their history. */
@Component
class ReferralSection implements ResidentPageSection {

  private static final String OPEN =
      Arrays.stream(ReferralStatus.values())
          .filter(status -> !status.terminal())
          .map(status -> "'" + status.name() + "'")
          .collect(Collectors.joining(", "));

  private final JdbcClient jdbc;

  ReferralSection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String title() {
    return "双向转诊";
  }

  @Override
  public String template() {
    return "residents/link-section";
  }

  @Override
  public String selector() {
    return "link";
  }

  @Override
  public int order() {
    return 40;
  }

  @Override
  public boolean visibleWith(Set<String> privileges) {
    return privileges.contains("REFERRAL_CREATE")
        || privileges.contains("REFERRAL_PROCESS")
        || privileges.contains("REFERRAL_TREAT")
        || privileges.contains("REFERRAL_APPROVE");
  }

  @Override
  public Map<String, Object> model(long residentId) {
    Map<String, Object> counts =
        jdbc.sql(
                "SELECT COUNT(*) AS total, SUM(CASE WHEN status IN ("
                    + OPEN
                    + ")"
                    + " THEN 1 ELSE 0 END) AS open FROM referral.referral WHERE resident_id = ?")
            .param(residentId)
            .query()
            .singleRow();
    Number total = (Number) counts.get("total");
    Number open = (Number) counts.get("open");
    String summary =
        total.longValue() == 0
            ? "暂无转诊记录"
            : "共 " + total + " 次转诊，进行中 " + (open == null ? 0 : open.longValue()) + " 次";
    return Map.of(
        "summary", summary, "href", "/residents/" + residentId + "/referrals", "label", "转诊记录");
  }
}
