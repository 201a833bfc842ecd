package org.countyhealth.organization.domain;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/** INSERT returning the generated {@code id}, the same way on H2 and PostgreSQL. */
final class Inserts {

  private Inserts() {}

  static long returningId(JdbcClient jdbc, String sql, Object... params) {
    KeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(sql).params(params).update(keys, "id");
    return keys.getKeyAs(Long.class);
  }
}
