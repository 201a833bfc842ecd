package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.rules.QcSampling;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly quality control (000_65944b5c5b97f013.txt lines 75, 86–99): the plan (the centre checks
 * every member, a township centre its village clinics), the seeded chart sample of lines 88/90 and
 * the checkers' findings per chart. Plans belong to the checking facility.
 */
@Service
@Transactional
public class QualityControl {

  public record Plan(
      long id,
      int year,
      int quarter,
      String checkerCode,
      String checkedCode,
      String checkedName,
      String status,
      String shortfall,
      Integer firstVisitChecked,
      Integer firstVisitMeasured,
      long samples,
      long checked) {

    public String statusLabel() {
      return switch (status) {
        case "PLANNED" -> "待抽样";
        case "SAMPLED" -> "核查中";
        default -> "已完成";
      };
    }
  }

  public record Sample(
      long id,
      long planId,
      long enrolmentId,
      long residentId,
      String name,
      String disease,
      String level,
      int age,
      Boolean authentic,
      Boolean conforming,
      Boolean controlled,
      String note) {}

  private static final String PLAN_SELECT =
      "SELECT p.*, f.name AS checked_name,"
          + " (SELECT COUNT(*) FROM chronic.qc_sample s WHERE s.plan_id = p.id) AS samples,"
          + " (SELECT COUNT(*) FROM chronic.qc_sample s WHERE s.plan_id = p.id"
          + " AND s.checked_at IS NOT NULL) AS checked_count"
          + " FROM chronic.qc_plan p LEFT JOIN organization.facility f"
          + " ON f.licence_code = p.checked_facility_code ";

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  QualityControl(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Plans the quarter for the actor's facility (line 75); returns the number of new plan rows. */
  public int planQuarter(Actor actor, int year, int quarter) {
    Access.require(actor, Privilege.QUALITY_CONTROL);
    if (quarter < 1 || quarter > 4 || year < 2000 || year > 2100) {
      throw new BusinessException("QC_BAD_QUARTER", "年度或季度无效");
    }
    String type =
        jdbc.sql("SELECT type FROM organization.facility WHERE licence_code = ?")
            .param(actor.facilityCode())
            .query(String.class)
            .optional()
            .orElse("");
    String targets =
        switch (type) {
          case "LEAD_HOSPITAL" ->
              "SELECT licence_code FROM organization.facility WHERE active AND licence_code <> :me";
          case "TOWNSHIP_HEALTH_CENTRE" ->
              "SELECT licence_code FROM organization.facility WHERE active AND parent_code = :me"
                  + " AND type = 'VILLAGE_CLINIC'";
          default ->
              throw new BusinessException(
                  "QC_NOT_CHECKER", "只有总医院慢病管理中心和乡镇卫生院负责质控（第75行），本机构不制定质控计划");
        };
    List<String> codes =
        jdbc.sql(targets).param("me", actor.facilityCode()).query(String.class).list();
    int created = 0;
    for (String code : codes) {
      created +=
          jdbc.sql(
                  "INSERT INTO chronic.qc_plan (year, quarter, checker_facility_code,"
                      + " checked_facility_code, seed, created_by, created_at)"
                      + " SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM chronic.qc_plan"
                      + " WHERE year = ? AND quarter = ? AND checker_facility_code = ?"
                      + " AND checked_facility_code = ?)")
              .params(
                  year,
                  quarter,
                  actor.facilityCode(),
                  code,
                  (long) (year * 10 + quarter) * 31 + code.hashCode(),
                  actor.username(),
                  LocalDateTime.now(),
                  year,
                  quarter,
                  actor.facilityCode(),
                  code)
              .update();
    }
    audit.describe("QC_PLAN", "QcPlan", year + "Q" + quarter);
    return created;
  }

  @Transactional(readOnly = true)
  public List<Plan> plans(Actor actor, int year, int quarter) {
    Access.require(actor, Privilege.QUALITY_CONTROL);
    return jdbc.sql(
            PLAN_SELECT
                + "WHERE p.checker_facility_code = ? AND p.year = ? AND p.quarter = ?"
                + " ORDER BY p.checked_facility_code")
        .params(actor.facilityCode(), year, quarter)
        .query((rs, i) -> plan(rs))
        .list();
  }

  @Transactional(readOnly = true)
  public Plan plan(Actor actor, long planId) {
    Access.require(actor, Privilege.QUALITY_CONTROL);
    return jdbc.sql(PLAN_SELECT + "WHERE p.id = ? AND p.checker_facility_code = ?")
        .params(planId, actor.facilityCode())
        .query((rs, i) -> plan(rs))
        .optional()
        .orElseThrow(() -> new NotFound("QC_PLAN_NOT_FOUND", "质控计划不存在"));
  }

  /**
   * Draws the seeded sample of both diseases (lines 88, 90) among the facility's managed patients;
   * a disease whose quota cannot be filled is recorded with its reasons and no charts.
   */
  public Plan draw(Actor actor, long planId, LocalDate on) {
    Plan p = plan(actor, planId);
    if (!"PLANNED".equals(p.status())) {
      throw new BusinessException("QC_ALREADY_SAMPLED", "该机构本季度已抽样，不能重新抽样");
    }
    List<String> shortfalls = new ArrayList<>();
    for (Disease d : Disease.values()) {
      var candidates =
          jdbc.sql(
                  "SELECT e.id, e.management_level, r.birth_date FROM chronic.enrolment e"
                      + " JOIN residents.resident r ON r.id = e.resident_id"
                      + " WHERE e.responsible_facility_code = ? AND e.disease = ?"
                      + " AND e.status = 'MANAGED' AND e.enrolled_on <= ?")
              .params(p.checkedCode(), d.name(), on)
              .query(
                  (rs, i) ->
                      new QcSampling.Candidate(
                          rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
              .list();
      var result = QcSampling.sample(QcSampling.quota(d), candidates, on, seed(p, d));
      if (!result.feasible()) {
        shortfalls.add(d.label() + "：" + String.join("；", result.shortfalls()));
      }
      for (var c : result.sample()) {
        jdbc.sql(
                "INSERT INTO chronic.qc_sample (plan_id, enrolment_id, resident_id,"
                    + " original_resident_id, disease, management_level, age)"
                    + " SELECT ?, e.id, e.resident_id, e.resident_id, e.disease, e.management_level, ?"
                    + " FROM chronic.enrolment e WHERE e.id = ?")
            .params(planId, Period.between(c.birthDate(), on).getYears(), c.id())
            .update();
      }
    }
    jdbc.sql(
            "UPDATE chronic.qc_plan SET status = 'SAMPLED', shortfall = ?, sampled_at = ? WHERE id = ?")
        .params(
            shortfalls.isEmpty() ? null : String.join("\n", shortfalls),
            LocalDateTime.now(),
            planId)
        .update();
    audit.describe("QC_SAMPLE", "QcPlan", String.valueOf(planId));
    return plan(actor, planId);
  }

  private static long seed(Plan p, Disease d) {
    return p.id() * 1_000_003L + p.checkedCode().hashCode() * 31L + d.ordinal();
  }

  @Transactional(readOnly = true)
  public List<Sample> samples(Actor actor, long planId) {
    plan(actor, planId);
    return jdbc.sql(
            "SELECT s.*, r.name FROM chronic.qc_sample s LEFT JOIN residents.resident r"
                + " ON r.id = s.resident_id WHERE s.plan_id = ? ORDER BY s.disease DESC, s.management_level, s.id")
        .param(planId)
        .query(
            (rs, i) ->
                new Sample(
                    rs.getLong("id"),
                    rs.getLong("plan_id"),
                    rs.getLong("enrolment_id"),
                    rs.getLong("resident_id"),
                    rs.getString("name"),
                    rs.getString("disease"),
                    rs.getString("management_level"),
                    rs.getInt("age"),
                    (Boolean) rs.getObject("authentic"),
                    (Boolean) rs.getObject("conforming"),
                    (Boolean) rs.getObject("controlled"),
                    rs.getString("note")))
        .list();
  }

  /** The checker's finding for one chart; the plan completes when every chart is checked. */
  public void check(
      Actor actor,
      long planId,
      long sampleId,
      boolean authentic,
      boolean conforming,
      boolean controlled,
      String note) {
    plan(actor, planId);
    if (note != null && note.length() > 400) {
      throw new BusinessException("QC_NOTE_TOO_LONG", "核查意见不能超过400字");
    }
    int n =
        jdbc.sql(
                "UPDATE chronic.qc_sample SET authentic = ?, conforming = ?, controlled = ?, note = ?,"
                    + " checked_by = ?, checked_at = ? WHERE id = ? AND plan_id = ?")
            .params(
                authentic,
                conforming,
                controlled,
                note,
                actor.username(),
                LocalDateTime.now(),
                sampleId,
                planId)
            .update();
    if (n == 0) {
      throw new NotFound("QC_SAMPLE_NOT_FOUND", "抽样病历不存在");
    }
    complete(planId);
    audit.describe("QC_CHECK", "QcSample", String.valueOf(sampleId));
  }

  /**
   * The first-visit BP check of line 84: outpatient records of residents ≥ 35 checked / measured.
   */
  public void firstVisit(Actor actor, long planId, int checkedCount, int measured) {
    plan(actor, planId);
    if (checkedCount < 0 || measured < 0 || measured > checkedCount) {
      throw new BusinessException("QC_FIRST_VISIT_INVALID", "测血压人次不能大于抽查首诊人次，且均不能为负数");
    }
    jdbc.sql(
            "UPDATE chronic.qc_plan SET first_visit_checked = ?, first_visit_measured = ? WHERE id = ?")
        .params(checkedCount, measured, planId)
        .update();
    complete(planId);
    audit.describe("QC_FIRST_VISIT", "QcPlan", String.valueOf(planId));
  }

  private void complete(long planId) {
    jdbc.sql(
            "UPDATE chronic.qc_plan SET status = 'DONE', completed_at = ? WHERE id = ? AND status = 'SAMPLED'"
                + " AND first_visit_checked IS NOT NULL AND NOT EXISTS (SELECT 1 FROM chronic.qc_sample s"
                + " WHERE s.plan_id = chronic.qc_plan.id AND s.checked_at IS NULL)")
        .params(LocalDateTime.now(), planId)
        .update();
  }

  private static Plan plan(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Plan(
        rs.getLong("id"),
        rs.getInt("year"),
        rs.getInt("quarter"),
        rs.getString("checker_facility_code"),
        rs.getString("checked_facility_code"),
        rs.getString("checked_name"),
        rs.getString("status"),
        rs.getString("shortfall"),
        (Integer) rs.getObject("first_visit_checked"),
        (Integer) rs.getObject("first_visit_measured"),
        rs.getLong("samples"),
        rs.getLong("checked_count"));
  }
}
