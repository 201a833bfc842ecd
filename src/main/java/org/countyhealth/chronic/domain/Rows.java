package org.countyhealth.chronic.domain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Runs an INSERT and answers the generated id (named, so PostgreSQL returns only that column). */
final class Rows {

  private Rows() {}

  static long insert(JdbcClient.StatementSpec insert) {
    var keys = new GeneratedKeyHolder();
    insert.update(keys, "id");
    return keys.getKey().longValue();
  }
}
