package org.countyhealth.referral.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL uses the partial index only if the query's status list implies the index predicate:
 * the queue's list and the migration's must stay the same, in the same order.
 */
class OfficeQueueIndexTest {

  @Test
  void theQueueSelectsExactlyTheRowsOfThePartialIndex() throws Exception {
    String migration;
    try (InputStream in =
        getClass().getResourceAsStream("/db/vendor/postgresql/V4_0_2__referral_open_queue.sql")) {
      migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(migration).contains("WHERE " + OfficeQueue.OPEN.substring("r.".length()));
  }
}
