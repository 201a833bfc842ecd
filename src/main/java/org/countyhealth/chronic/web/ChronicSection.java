package org.countyhealth.chronic.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.countyhealth.residents.ResidentPageSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The resident page shows the chronic registries the resident is in, with the colour grade. */
@Component
class ChronicSection implements ResidentPageSection {

  private final JdbcClient jdbc;

  ChronicSection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String title() {
    return "慢病管理";
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
    return 30;
  }

  @Override
  public boolean visibleWith(Set<String> privileges) {
    return privileges.contains("CHRONIC_VIEW");
  }

  @Override
  public Map<String, Object> model(long residentId) {
    List<String> registries =
        jdbc.sql(
                "SELECT CASE disease WHEN 'HYPERTENSION' THEN '高血压' ELSE '2型糖尿病' END"
                    + " || '（' || CASE grade WHEN 'RED' THEN '红标' WHEN 'YELLOW' THEN '黄标'"
                    + " ELSE '绿标' END || '）' FROM chronic.enrolment"
                    + " WHERE resident_id = ? AND status = 'MANAGED' ORDER BY disease")
            .param(residentId)
            .query(String.class)
            .list();
    String summary = registries.isEmpty() ? "未纳入慢病管理" : "在管：" + String.join("、", registries);
    return Map.of(
        "summary", summary, "href", "/residents/" + residentId + "/chronic", "label", "慢病管理详情");
  }
}
