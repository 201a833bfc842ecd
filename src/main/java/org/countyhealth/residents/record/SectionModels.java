package org.countyhealth.residents.record;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countyhealth.residents.record.rules.Bmi;
import org.countyhealth.residents.record.rules.RecordVocabulary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Summaries for the sections of the resident page (template {@code residents/record/sections},
 * fragments {@code health-record} and {@code contracts}). The resident page has already decided
 * that the actor may open the resident (scope or audited cross-facility access), so these read
 * without a scope check of their own.
 */
@Component
@Transactional(readOnly = true)
public class SectionModels {

  private final JdbcClient jdbc;

  SectionModels(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Record number, blood group, allergies and the latest active check-up. */
  public Map<String, Object> healthRecord(long residentId) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("residentId", residentId);
    jdbc.sql(
            "SELECT record_number, blood_abo, blood_rh, drug_allergies, established_on"
                + " FROM residents.health_record WHERE resident_id = ? AND status = 'ACTIVE'"
                + " ORDER BY id FETCH FIRST 1 ROWS ONLY")
        .param(residentId)
        .query(
            (rs, i) ->
                Map.of(
                    "recordNumber", rs.getString(1),
                    "blood",
                        RecordVocabulary.BloodAbo.valueOf(rs.getString(2)).label()
                            + " / "
                            + RecordVocabulary.BloodRh.valueOf(rs.getString(3)).label(),
                    "allergies", Optional.ofNullable(rs.getString(4)).orElse("无"),
                    "establishedOn", rs.getObject(5, LocalDate.class)))
        .optional()
        .ifPresent(r -> model.put("record", r));
    List<Map<String, Object>> latest =
        jdbc.sql(
                "SELECT exam_date, sbp_left, dbp_left, bmi FROM residents.check_up"
                    + " WHERE resident_id = ? AND status = 'ACTIVE'"
                    + " ORDER BY exam_date DESC, id DESC FETCH FIRST 1 ROWS ONLY")
            .param(residentId)
            .query(
                (rs, i) ->
                    Map.<String, Object>of(
                        "examDate", rs.getObject(1, LocalDate.class),
                        "bp", rs.getInt(2) + "/" + rs.getInt(3),
                        "bmi", rs.getBigDecimal(4),
                        "bmiCategory", new Bmi(rs.getBigDecimal(4)).category().label()))
            .list();
    if (!latest.isEmpty()) {
      model.put("checkUp", latest.get(0));
    }
    return model;
  }
}
