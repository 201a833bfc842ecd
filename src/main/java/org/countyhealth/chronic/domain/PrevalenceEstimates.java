package org.countyhealth.chronic.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.Disease;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Estimated prevalence per disease (percent of residents aged 35 and over), set by the centre with
 * the date from which it applies. Every estimate is kept: a period's 管理率 uses the estimate in force
 * on its last day, so setting a new figure does not rewrite past periods.
 */
@Component
public class PrevalenceEstimates {

  /** One estimate as set. */
  public record Entry(
      Disease disease,
      BigDecimal percent,
      LocalDate effectiveFrom,
      String setBy,
      LocalDateTime setAt) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  PrevalenceEstimates(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** The estimates in force today. */
  public Map<String, BigDecimal> all() {
    return validOn(LocalDate.now());
  }

  /**
   * The estimate of each disease in force on a day: the latest effective on or before it; before
   * the first estimate, the first one (there is nothing else to divide by).
   */
  Map<String, BigDecimal> validOn(LocalDate day) {
    Map<String, BigDecimal> m = new HashMap<>();
    jdbc.sql(
            "SELECT disease, percent, effective_from FROM chronic.prevalence_estimate_history"
                + " ORDER BY effective_from")
        .query(
            (rs, i) -> {
              if (!m.containsKey(rs.getString(1))
                  || !rs.getObject(3, LocalDate.class).isAfter(day)) {
                m.put(rs.getString(1), rs.getBigDecimal(2));
              }
              return null;
            })
        .list();
    return m;
  }

  /** Every estimate, newest first per disease. */
  @Transactional(readOnly = true)
  public List<Entry> history() {
    return jdbc.sql(
            "SELECT disease, percent, effective_from, set_by, set_at"
                + " FROM chronic.prevalence_estimate_history ORDER BY disease DESC,"
                + " effective_from DESC")
        .query(
            (rs, i) ->
                new Entry(
                    Disease.valueOf(rs.getString(1)),
                    rs.getBigDecimal(2),
                    rs.getObject(3, LocalDate.class),
                    rs.getString(4),
                    rs.getObject(5, LocalDateTime.class)))
        .list();
  }

  @Transactional
  void set(Actor actor, Disease disease, BigDecimal percent) {
    set(actor, disease, percent, LocalDate.now());
  }

  /**
   * The county centre (a lead-hospital account with the QC privilege) sets the estimate applying
   * from a date (a second estimate for the same date replaces the first).
   */
  @Transactional
  public void set(Actor actor, Disease disease, BigDecimal percent, LocalDate effectiveFrom) {
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
    LocalDate today = LocalDate.now();
    if (effectiveFrom == null
        || effectiveFrom.getYear() < 2000
        || effectiveFrom.isAfter(today.plusYears(1))) {
      throw new BusinessException(
          "PREVALENCE_EFFECTIVE_INVALID", "生效日期应在 2000 年以后、一年以内", "effectiveFrom");
    }
    LocalDateTime now = LocalDateTime.now();
    int n =
        jdbc.sql(
                "UPDATE chronic.prevalence_estimate_history SET percent = ?, set_by = ?, set_at = ?"
                    + " WHERE disease = ? AND effective_from = ?")
            .params(percent, actor.username(), now, disease.name(), effectiveFrom)
            .update();
    if (n == 0) {
      jdbc.sql(
              "INSERT INTO chronic.prevalence_estimate_history (disease, percent, effective_from,"
                  + " set_by, set_at) VALUES (?, ?, ?, ?, ?)")
          .params(disease.name(), percent, effectiveFrom, actor.username(), now)
          .update();
    }
    // The single-row table keeps the estimate in force today for readers of the V3_0_2 contract.
    BigDecimal current = validOn(today).get(disease.name());
    jdbc.sql("DELETE FROM chronic.prevalence_estimate WHERE disease = ?")
        .param(disease.name())
        .update();
    if (current != null) {
      jdbc.sql(
              "INSERT INTO chronic.prevalence_estimate (disease, percent, set_by, set_at)"
                  + " VALUES (?, ?, ?, ?)")
          .params(disease.name(), current, actor.username(), now)
          .update();
    }
    audit.describe("CHRONIC_PREVALENCE", "Prevalence", disease.name() + "@" + effectiveFrom);
  }
}
