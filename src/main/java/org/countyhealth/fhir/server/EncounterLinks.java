package org.countyhealth.fhir.server;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The {@code fhir.encounter} rows: an Encounter as received and the chronic records it became
 * (docs/fhir.md, "Why the fhir tables"). Scope is checked by the callers through the resident.
 */
@Component
class EncounterLinks {

  /** One received Encounter and its links. */
  record Row(
      long id,
      long residentId,
      LocalDate visitOn,
      String classCode,
      String facilityCode,
      boolean implicit,
      Long hypertensionFollowUpId,
      Long diabetesFollowUpId,
      Long screeningId,
      String glucoseCode) {

    boolean linked() {
      return hypertensionFollowUpId != null || diabetesFollowUpId != null || screeningId != null;
    }
  }

  private static final String COLUMNS =
      "id, resident_id, visit_on, class_code, facility_code, implicit, hypertension_follow_up_id,"
          + " diabetes_follow_up_id, screening_id, glucose_code FROM fhir.encounter";

  private final JdbcClient jdbc;

  EncounterLinks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      long residentId,
      LocalDate visitOn,
      String classCode,
      String facilityCode,
      boolean implicit,
      String username) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO fhir.encounter (resident_id, visit_on, class_code, facility_code,"
                + " implicit, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            residentId, visitOn, classCode, facilityCode, implicit, username, LocalDateTime.now())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void link(
      long id, Long hypertensionFollowUp, Long diabetesFollowUp, Long screening, String glucose) {
    jdbc.sql(
            "UPDATE fhir.encounter SET hypertension_follow_up_id = ?, diabetes_follow_up_id = ?,"
                + " screening_id = ?, glucose_code = ? WHERE id = ?")
        .params(hypertensionFollowUp, diabetesFollowUp, screening, glucose, id)
        .update();
  }

  Optional<Row> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " WHERE id = ?")
        .param(id)
        .query(EncounterLinks::map)
        .optional();
  }

  /**
   * The first Encounter received (not implied by an Observation) for the resident on that day, of
   * that class, recorded at that facility: the same visit when it is sent again.
   */
  Optional<Row> same(long residentId, LocalDate visitOn, String classCode, String facilityCode) {
    return jdbc
        .sql(
            "SELECT "
                + COLUMNS
                + " WHERE resident_id = ? AND visit_on = ? AND class_code = ? AND facility_code = ?"
                + " AND NOT implicit ORDER BY id")
        .params(residentId, visitOn, classCode, facilityCode)
        .query(EncounterLinks::map)
        .stream()
        .findFirst();
  }

  /** The rows of residents (a merged resident's rows are found under either id). */
  List<Row> ofResidents(Collection<Long> residentIds) {
    if (residentIds.isEmpty()) {
      return List.of();
    }
    String marks = String.join(",", residentIds.stream().map(i -> "?").toList());
    return jdbc.sql(
            "SELECT " + COLUMNS + " WHERE resident_id IN (" + marks + ") ORDER BY visit_on, id")
        .params(List.copyOf(residentIds))
        .query(EncounterLinks::map)
        .list();
  }

  private static Row map(ResultSet rs, int i) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getLong("resident_id"),
        rs.getObject("visit_on", LocalDate.class),
        rs.getString("class_code"),
        rs.getString("facility_code"),
        rs.getBoolean("implicit"),
        (Long) rs.getObject("hypertension_follow_up_id", Long.class),
        (Long) rs.getObject("diabetes_follow_up_id", Long.class),
        (Long) rs.getObject("screening_id", Long.class),
        rs.getString("glucose_code"));
  }
}
