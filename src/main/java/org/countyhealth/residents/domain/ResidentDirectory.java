package org.countyhealth.residents.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countyhealth.residents.rules.BlockingKeys;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading residents: by id, by exact identifier, and the scoped search of the pages and API. */
@Service
@Transactional(readOnly = true)
public class ResidentDirectory {

  private static final String COLUMNS =
      "r.id, r.name, r.name_pinyin, r.sex, r.birth_date, r.ethnicity, r.phone, r.address,"
          + " r.village, r.residence_type, r.village_clinic_code, r.township_code,"
          + " r.family_doctor_id, r.facility_code, r.status, r.merged_into, r.created_at,"
          + " r.updated_at, r.version";

  private final JdbcClient jdbc;
  private final IdentifierRows identifiers;

  ResidentDirectory(JdbcClient jdbc, IdentifierRows identifiers) {
    this.jdbc = jdbc;
    this.identifiers = identifiers;
  }

  /** Any resident by id, whatever the scope: callers check {@link #inScope} first. */
  public Optional<ResidentDetails> details(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM residents.resident r WHERE r.id = ?")
        .param(id)
        .query((rs, n) -> row(rs, identifiers.of(rs.getLong("id"))))
        .optional();
  }

  public boolean inScope(long id, DataScope scope) {
    ResidentScope s = ResidentScope.of(scope, "r");
    Map<String, Object> params = new HashMap<>(s.params());
    params.put("id", id);
    return jdbc.sql("SELECT COUNT(*) FROM residents.resident r WHERE r.id = :id AND " + s.sql())
            .params(params)
            .query(Long.class)
            .single()
        > 0;
  }

  /** The active resident holding exactly this identifier value (any type), whatever the scope. */
  public Optional<Long> byIdentifier(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return jdbc
        .sql(
            "SELECT resident_id FROM residents.identifier WHERE active_token = 1 AND id_value IN (?, ?)"
                + " ORDER BY id")
        .params(value.strip(), value.strip().toUpperCase())
        .query(Long.class)
        .list()
        .stream()
        .findFirst();
  }

  /**
   * Search within the scope: an exact identifier, a phone number, or a name (characters or pinyin)
   * with an optional birth year. Merged records are not listed.
   */
  public List<ResidentDetails> search(String query, Integer birthYear, DataScope scope, int limit) {
    Condition c = condition(query, birthYear, null, null, scope);
    if (c == null) {
      return List.of();
    }
    return rows(c, Window.first(limit));
  }

  /**
   * One window of {@link #search}, born within {@code [bornFrom, bornTo]} when given, and how many
   * match in all: both in SQL, so a page costs a page.
   */
  public Slice<ResidentDetails> search(
      String query, LocalDate bornFrom, LocalDate bornTo, DataScope scope, Window window) {
    Integer year =
        bornFrom != null && bornTo != null && bornFrom.getYear() == bornTo.getYear()
            ? bornFrom.getYear()
            : null;
    Condition c = condition(query, year, bornFrom, bornTo, scope);
    if (c == null) {
      return new Slice<>(List.of(), 0);
    }
    long total =
        jdbc.sql("SELECT COUNT(*) FROM residents.resident r WHERE " + c.where())
            .params(c.params())
            .query(Long.class)
            .single();
    return new Slice<>(window.count() == 0 ? List.of() : rows(c, window), total);
  }

  private List<ResidentDetails> rows(Condition c, Window window) {
    Map<String, Object> params = new HashMap<>(c.params());
    params.put("limit", window.count());
    params.put("offset", window.offset());
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM residents.resident r WHERE "
                + c.where()
                + " ORDER BY r.name, r.birth_date, r.id LIMIT :limit OFFSET :offset")
        .params(params)
        .query((rs, n) -> row(rs, List.of()))
        .list();
  }

  private record Condition(String where, Map<String, Object> params) {}

  private Condition condition(
      String query, Integer birthYear, LocalDate bornFrom, LocalDate bornTo, DataScope scope) {
    String q = query == null ? "" : query.strip();
    if (q.isEmpty()) {
      return null;
    }
    ResidentScope s = ResidentScope.of(scope, "r");
    Map<String, Object> params = new HashMap<>(s.params());
    String where;
    if (q.matches("[0-9A-Za-z\\-]{5,64}") && byIdentifier(q).isPresent()) {
      where =
          "r.id IN (SELECT resident_id FROM residents.identifier WHERE active_token = 1"
              + " AND id_value IN (:v, :V))";
      params.put("v", q);
      params.put("V", q.toUpperCase());
    } else if (q.matches("\\+?[0-9\\- ]{7,20}")) {
      where = "r.phone = :phone";
      params.put("phone", Registration.normalisePhone(q));
    } else if (birthYear != null) {
      where = "r.name_key = :key";
      params.put("key", BlockingKeys.nameKey(q, birthYear));
    } else if (q.matches("[A-Za-z ]+")) {
      // Pinyin without a year: every birth year of that spelling. The key is letters + 4 digits,
      // and digits sort just below ':', so this range is an index scan.
      String letters = q.replace(" ", "").toLowerCase();
      where = "r.name_key >= :from AND r.name_key < :to";
      params.put("from", letters + "0");
      params.put("to", letters + ":");
    } else {
      where = "r.name = :name";
      params.put("name", q);
    }
    if (bornFrom != null) {
      where += " AND r.birth_date >= :bornFrom";
      params.put("bornFrom", bornFrom);
    }
    if (bornTo != null) {
      where += " AND r.birth_date <= :bornTo";
      params.put("bornTo", bornTo);
    }
    return new Condition("r.status = 'ACTIVE' AND " + where + " AND " + s.sql(), params);
  }

  /** Residents of the scope, newest first: the module's list page. */
  public List<ResidentDetails> recent(DataScope scope, int limit) {
    ResidentScope s = ResidentScope.of(scope, "r");
    Map<String, Object> params = new HashMap<>(s.params());
    params.put("limit", limit);
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM residents.resident r WHERE r.status = 'ACTIVE' AND "
                + s.sql()
                + " ORDER BY r.id DESC LIMIT :limit")
        .params(params)
        .query((rs, n) -> row(rs, List.of()))
        .list();
  }

  static ResidentDetails row(ResultSet rs, List<org.countyhealth.residents.IdentifierValue> ids)
      throws SQLException {
    return new ResidentDetails(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("name_pinyin"),
        rs.getString("sex"),
        rs.getObject("birth_date", LocalDate.class),
        rs.getString("ethnicity"),
        rs.getString("phone"),
        rs.getString("address"),
        rs.getString("village"),
        rs.getString("residence_type"),
        rs.getString("village_clinic_code"),
        rs.getString("township_code"),
        rs.getObject("family_doctor_id", Long.class),
        rs.getString("facility_code"),
        rs.getString("status"),
        rs.getObject("merged_into", Long.class),
        rs.getTimestamp("created_at").toLocalDateTime(),
        rs.getTimestamp("updated_at").toLocalDateTime(),
        rs.getInt("version"),
        ids);
  }
}
