package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Identifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A sender's identifiers of the resources it created ({@code fhir.source_identifier}): a
 * conditional create {@code identifier=system|value} finds the resource again, so a re-import
 * creates nothing.
 */
@Component
class SourceIdentifiers {

  private final JdbcClient jdbc;

  SourceIdentifiers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void remember(String type, List<Identifier> identifiers, String localId) {
    for (Identifier i : identifiers) {
      if (i.hasSystem() && i.hasValue() && find(type, i.getSystem(), i.getValue()).isEmpty()) {
        jdbc.sql(
                "INSERT INTO fhir.source_identifier (resource_type, system, value, local_id,"
                    + " created_at) VALUES (?, ?, ?, ?, ?)")
            .params(type, i.getSystem(), i.getValue(), localId, LocalDateTime.now())
            .update();
      }
    }
  }

  Optional<String> find(String type, String system, String value) {
    return jdbc.sql(
            "SELECT local_id FROM fhir.source_identifier WHERE resource_type = ? AND system = ?"
                + " AND value = ?")
        .params(type, system, value)
        .query(String.class)
        .optional();
  }

  /** The identifiers a sender gave a local resource (to read them back). */
  List<Identifier> of(String type, String localId) {
    return jdbc.sql(
            "SELECT system, value FROM fhir.source_identifier WHERE resource_type = ?"
                + " AND local_id = ? ORDER BY system, value")
        .params(type, localId)
        .query((rs, i) -> new Identifier().setSystem(rs.getString(1)).setValue(rs.getString(2)))
        .list();
  }

  /**
   * The resource a conditional create's {@code identifier=system|value} names; empty when the query
   * has no identifier or none matches.
   */
  Optional<String> existing(String type, Map<String, String> query) {
    String identifier = query.get("identifier");
    if (identifier == null) {
      return Optional.empty();
    }
    int bar = identifier.indexOf('|');
    if (bar <= 0 || bar == identifier.length() - 1) {
      throw new InvalidRequestException("条件创建的 identifier 须为 system|value：" + identifier);
    }
    return find(type, identifier.substring(0, bar), identifier.substring(bar + 1));
  }

  /** The parameters of a conditional create's query, decoded. */
  static Map<String, String> params(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }
}
