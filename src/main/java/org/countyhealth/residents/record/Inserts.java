package org.countyhealth.residents.record;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** Runs an INSERT and answers the generated id (named, so PostgreSQL returns only that column). */
public final class Inserts {

  private Inserts() {}

  public static long returningId(JdbcClient.StatementSpec insert) {
    KeyHolder keys = new GeneratedKeyHolder();
    insert.update(keys, "id");
    return keys.getKey().longValue();
  }
}
