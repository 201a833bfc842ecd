package org.countyhealth.residents.domain;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Active identifiers: who owns a value, and new ones in batches. */
@Repository
class IdentifierRows {

  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;

  IdentifierRows(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
    this.jdbcTemplate = jdbcTemplate;
    this.jdbc = jdbc;
  }

  /** The resident owning each of the given identifiers that is already active. */
  Map<IdentifierValue, Long> owners(Collection<IdentifierValue> ids) {
    Map<IdentifierValue, Long> owners = new HashMap<>();
    if (ids.isEmpty()) {
      return owners;
    }
    List<String> values = ids.stream().map(IdentifierValue::value).distinct().toList();
    jdbc.sql(
            "SELECT type, issuer, id_value, resident_id FROM residents.identifier"
                + " WHERE active_token = 1 AND id_value IN (:values)")
        .param("values", values)
        .query(
            rs -> {
              owners.put(
                  new IdentifierValue(
                      IdentifierType.valueOf(rs.getString("type")),
                      rs.getString("issuer"),
                      rs.getString("id_value")),
                  rs.getLong("resident_id"));
            });
    owners.keySet().retainAll(ids);
    return owners;
  }

  /** A resident's active identifiers, ID card first. */
  List<IdentifierValue> of(long residentId) {
    return jdbc.sql(
            "SELECT type, issuer, id_value FROM residents.identifier"
                + " WHERE resident_id = ? AND active_token = 1 ORDER BY id")
        .param(residentId)
        .query(
            (rs, n) ->
                new IdentifierValue(
                    IdentifierType.valueOf(rs.getString("type")),
                    rs.getString("issuer"),
                    rs.getString("id_value")))
        .list();
  }

  record NewIdentifier(long residentId, IdentifierValue value) {}

  void insertAll(List<NewIdentifier> rows, LocalDateTime now) {
    if (rows.isEmpty()) {
      return;
    }
    Timestamp at = Timestamp.valueOf(now);
    jdbcTemplate.batchUpdate(
        "INSERT INTO residents.identifier (resident_id, original_resident_id, type, issuer, id_value,"
            + " active_token, created_at) VALUES (?,?,?,?,?,1,?)",
        rows,
        1000,
        (ps, row) -> {
          ps.setLong(1, row.residentId());
          ps.setLong(2, row.residentId());
          ps.setString(3, row.value().type().name());
          ps.setString(4, row.value().issuer());
          ps.setString(5, row.value().value());
          ps.setTimestamp(6, at);
        });
  }
}
