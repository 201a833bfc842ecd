package org.countyhealth.residents.domain;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.residents.rules.MatchRecord;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Writes resident rows and fetches matching candidates by blocking key. */
@Repository
class ResidentRows {

  private static final String INSERT =
      "INSERT INTO residents.resident (name, sex, birth_date, ethnicity, phone, address,"
          + " division_code, village, residence_type, village_clinic_code, township_code,"
          + " family_doctor_id, facility_code, status, created_at, updated_at, version,"
          + " name_pinyin, name_key, birth_key, id_card)"
          + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,'ACTIVE',?,?,0,?,?,?,?)";

  /** What the matcher reads of a resident: one table, no join. */
  static final String MATCH_COLUMNS =
      "r.id, r.name, r.name_pinyin, r.sex, r.birth_date, r.phone, r.village, r.address, r.id_card";

  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;

  ResidentRows(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
    this.jdbcTemplate = jdbcTemplate;
    this.jdbc = jdbc;
  }

  /** Inserts the rows in one JDBC batch; answers their ids in order. */
  long[] insertAll(List<NewResident> rows, LocalDateTime now) {
    if (rows.isEmpty()) {
      return new long[0];
    }
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    Timestamp at = Timestamp.valueOf(now);
    jdbcTemplate.batchUpdate(
        con -> con.prepareStatement(INSERT, new String[] {"id"}),
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
            NewResident n = rows.get(i);
            RegistrationRequest r = n.request();
            ps.setString(1, r.name().strip());
            ps.setString(2, r.sex());
            ps.setObject(3, r.birthDate());
            ps.setString(4, blankToNull(r.ethnicity()));
            ps.setString(5, n.phone());
            ps.setString(6, blankToNull(r.address()));
            ps.setString(7, blankToNull(r.divisionCode()));
            ps.setString(8, blankToNull(r.village()));
            ps.setString(9, r.residenceType());
            ps.setString(10, blankToNull(r.villageClinicCode()));
            ps.setString(11, blankToNull(r.townshipCode()));
            if (r.familyDoctorId() == null) {
              ps.setNull(12, Types.BIGINT);
            } else {
              ps.setLong(12, r.familyDoctorId());
            }
            ps.setString(13, r.facilityCode());
            ps.setTimestamp(14, at);
            ps.setTimestamp(15, at);
            ps.setString(16, n.match().pinyin());
            ps.setString(17, n.match().nameKey());
            ps.setString(18, n.match().birthKey());
            ps.setString(19, n.match().idCard());
          }

          @Override
          public int getBatchSize() {
            return rows.size();
          }
        },
        keys);
    List<Map<String, Object>> generated = keys.getKeyList();
    long[] ids = new long[rows.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = ((Number) generated.get(i).get("id")).longValue();
    }
    return ids;
  }

  /** Records the identity card of a linked resident that had none. */
  void fillIdCards(Map<Long, String> idCardOf) {
    if (idCardOf.isEmpty()) {
      return;
    }
    List<Map.Entry<Long, String>> rows = new ArrayList<>(idCardOf.entrySet());
    jdbcTemplate.batchUpdate(
        "UPDATE residents.resident SET id_card = ? WHERE id = ? AND id_card IS NULL",
        rows,
        1000,
        (ps, e) -> {
          ps.setString(1, e.getValue());
          ps.setLong(2, e.getKey());
        });
  }

  /** Active residents sharing a name key, birth key or phone with any of the given. */
  List<Candidate> candidates(
      Collection<String> nameKeys, Collection<String> birthKeys, Collection<String> phones) {
    List<String> or = new ArrayList<>();
    Map<String, Object> params = new HashMap<>();
    if (!nameKeys.isEmpty()) {
      or.add("r.name_key IN (:keys)");
      params.put("keys", nameKeys);
    }
    if (!birthKeys.isEmpty()) {
      or.add("r.birth_key IN (:births)");
      params.put("births", birthKeys);
    }
    if (!phones.isEmpty()) {
      or.add("r.phone IN (:phones)");
      params.put("phones", phones);
    }
    if (or.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT "
                + MATCH_COLUMNS
                + " FROM residents.resident r WHERE r.status = 'ACTIVE' AND ("
                + String.join(" OR ", or)
                + ")")
        .params(params)
        .query(ResidentRows::candidate)
        .list();
  }

  /** One resident as a match record, whatever its status. */
  java.util.Optional<Candidate> candidate(long id) {
    return jdbc.sql("SELECT " + MATCH_COLUMNS + " FROM residents.resident r WHERE r.id = ?")
        .param(id)
        .query(ResidentRows::candidate)
        .optional();
  }

  static Candidate candidate(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Candidate(
        rs.getLong("id"),
        new MatchRecord(
            rs.getString("name"),
            rs.getString("name_pinyin"),
            rs.getString("sex"),
            rs.getObject("birth_date", LocalDate.class),
            rs.getString("phone"),
            rs.getString("village"),
            rs.getString("address"),
            rs.getString("id_card")));
  }

  /**
   * The summary of a row holding the resident's summary columns by name: id, name, sex, birth_date,
   * facility_code, village_clinic_code, township_code, family_doctor_id.
   */
  static ResidentSummary summary(ResultSet rs) throws SQLException {
    return new ResidentSummary(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("sex"),
        rs.getObject("birth_date", LocalDate.class),
        rs.getString("facility_code"),
        rs.getString("village_clinic_code"),
        rs.getString("township_code"),
        rs.getObject("family_doctor_id", Long.class));
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
