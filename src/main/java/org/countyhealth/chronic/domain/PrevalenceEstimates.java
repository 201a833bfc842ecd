package org.countyhealth.chronic.domain;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.Disease;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Estimated prevalence per disease (percent of residents aged 35 and over), set by the centre. */
@Component
class PrevalenceEstimates {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  PrevalenceEstimates(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  Map<String, BigDecimal> all() {
    Map<String, BigDecimal> m = new HashMap<>();
    jdbc.sql("SELECT disease, percent FROM chronic.prevalence_estimate")
        .query((rs, i) -> m.put(rs.getString(1), rs.getBigDecimal(2)))
        .list();
    return m;
  }

  /** The county centre (a lead-hospital account with the QC privilege) sets the estimate. */
  @Transactional
  void set(Actor actor, Disease disease, BigDecimal percent) {
    Access.require(actor, Privilege.QUALITY_CONTROL);
    String type =
        jdbc.sql("SELECT type FROM organization.facility WHERE licence_code = ?")
            .param(actor.facilityCode())
            .query(String.class)
            .optional()
            .orElse("");
    if (!"LEAD_HOSPITAL".equals(type)) {
      throw new BusinessException("PREVALENCE_CENTRE_ONLY", "患病率估计值由总医院慢性病管理中心设定");
    }
    if (percent == null
        || percent.compareTo(BigDecimal.ZERO) <= 0
        || percent.compareTo(new BigDecimal("80")) > 0) {
      throw new BusinessException("PREVALENCE_INVALID", "患病率应在 0 到 80% 之间", "percent");
    }
    int n =
        jdbc.sql(
                "UPDATE chronic.prevalence_estimate SET percent = ?, set_by = ?, set_at = ? WHERE disease = ?")
            .params(percent, actor.username(), LocalDateTime.now(), disease.name())
            .update();
    if (n == 0) {
      jdbc.sql(
              "INSERT INTO chronic.prevalence_estimate (disease, percent, set_by, set_at) VALUES (?, ?, ?, ?)")
          .params(disease.name(), percent, actor.username(), LocalDateTime.now())
          .update();
    }
    audit.describe("CHRONIC_PREVALENCE", "Prevalence", disease.name());
  }
}
