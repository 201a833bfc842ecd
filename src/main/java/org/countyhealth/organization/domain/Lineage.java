package org.countyhealth.organization.domain;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A facility's ancestors, read in one recursive query. */
@Component
class Lineage {

  /** Deeper than any real hierarchy (lead → centre → clinic); guards against a corrupt cycle. */
  static final int MAX_DEPTH = 16;

  private final JdbcClient jdbc;

  Lineage(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The facility itself followed by its parent, grandparent … up to the root. */
  List<String> upFrom(String licenceCode) {
    return jdbc.sql(
            """
            WITH RECURSIVE up (code, parent, depth) AS (
              SELECT licence_code, parent_code, 0 FROM organization.facility WHERE licence_code = ?
              UNION ALL
              SELECT f.licence_code, f.parent_code, up.depth + 1
                FROM organization.facility f JOIN up ON f.licence_code = up.parent
               WHERE up.depth < %d)
            SELECT code FROM up ORDER BY depth"""
                .formatted(MAX_DEPTH))
        .param(licenceCode)
        .query(String.class)
        .list();
  }
}
