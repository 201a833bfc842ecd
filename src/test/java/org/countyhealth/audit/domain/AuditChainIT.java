package org.countyhealth.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.countyhealth.IntegrationTest;
import org.countyhealth.audit.rules.AuditEntry;
import org.countyhealth.audit.rules.HashChain;
import org.countyhealth.audit.rules.HashChain.Link;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The stored chain on PostgreSQL: verification, tampering, immutability, retention purge. */
@IntegrationTest
class AuditChainIT {

  @Autowired AuditLog log;
  @Autowired AuditVerification verification;
  @Autowired AuditPurge purge;
  @Autowired JdbcClient jdbc;

  static AuditEntry draft(Instant at, String objectId) {
    return new AuditEntry(
        0,
        at,
        "tester",
        7L,
        "PDY-TEST",
        "TEST_ACTION",
        "Thing",
        objectId,
        "SUCCESS",
        "POST",
        "/test",
        200,
        "127.0.0.1",
        "corr-test-0001");
  }

  /**
   * As the database owner, bypassing the immutability trigger: what an attacker with DBA rights
   * does.
   */
  void asSuperuser(String sql, Object... params) {
    jdbc.sql("ALTER TABLE audit.audit_event DISABLE TRIGGER ALL").update();
    try {
      jdbc.sql(sql).params(params).update();
    } finally {
      jdbc.sql("ALTER TABLE audit.audit_event ENABLE TRIGGER ALL").update();
    }
  }

  @Test
  void untouchedChainVerifiesAndSurvivesTheRoundTrip() {
    List<Link> written =
        log.appendAll(List.of(draft(Instant.now(), "A"), draft(Instant.now(), "B")));
    Link stored = log.find(written.get(1).entry().id()).orElseThrow();
    assertThat(stored).isEqualTo(written.get(1));
    AuditVerification.Report report = verification.verify();
    assertThat(report.ok()).isTrue();
    assertThat(report.firstBrokenId()).isNull();
    assertThat(report.checkedRows()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void concurrentWritersKeepOneLinearChain() throws Exception {
    long before = log.head().lastId();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 20; i++) {
                    log.append(draft(Instant.now(), "CONCURRENT"));
                  }
                }));
      }
      for (var f : futures) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(log.head().lastId()).isEqualTo(before + 160);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit.audit_event WHERE id > ?")
                .param(before)
                .query(Long.class)
                .single())
        .isEqualTo(160);
    assertThat(verification.verify().ok()).isTrue();
  }

  @Test
  void rowChangedInTheDatabaseFailsVerificationAtThatRow() {
    Link target = log.append(draft(Instant.now(), "ORIGINAL"));
    log.append(draft(Instant.now(), "AFTER"));
    long id = target.entry().id();
    asSuperuser("UPDATE audit.audit_event SET object_id = 'FORGED' WHERE id = ?", id);
    try {
      AuditVerification.Report report = verification.verify();
      assertThat(report.ok()).isFalse();
      assertThat(report.firstBrokenId()).isEqualTo(id);
      assertThat(report.message()).contains("#" + id).contains("篡改");
    } finally {
      asSuperuser("UPDATE audit.audit_event SET object_id = 'ORIGINAL' WHERE id = ?", id);
    }
    assertThat(verification.verify().ok()).isTrue();
  }

  @Test
  void theApplicationCannotUpdateOrDeleteAYoungRow() {
    long id = log.append(draft(Instant.now(), "YOUNG")).entry().id();
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE audit.audit_event SET result = 'FAILED' WHERE id = ?")
                    .param(id)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("immutable");
    assertThatThrownBy(
            () -> jdbc.sql("DELETE FROM audit.audit_event WHERE id = ?").param(id).update())
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("younger than 180 days");
    assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit.audit_event").update())
        .isInstanceOf(DataAccessException.class);
    assertThat(log.find(id).orElseThrow().entry().result()).isEqualTo("SUCCESS");
  }

  @Test
  void purgeKeeps180DaysAndTheRemainingChainVerifiesFromItsAnchor() {
    // Start a chain of our own: old rows must be its beginning for a purge to make sense.
    asSuperuser("DELETE FROM audit.audit_event");
    jdbc.sql("DELETE FROM audit.retention_anchor").update();
    jdbc.sql("UPDATE audit.chain_head SET last_id = 0, last_hash = ? WHERE id = 1")
        .param(HashChain.GENESIS)
        .update();
    Instant now = Instant.now();
    Instant old = now.minus(Duration.ofDays(400));
    log.appendAll(
        List.of(
            draft(old, "OLD-1"),
            draft(old.plusSeconds(1), "OLD-2"),
            draft(old.plusSeconds(2), "OLD-3"),
            draft(now.minus(Duration.ofDays(179)), "YOUNG-1"),
            draft(now, "YOUNG-2")));

    assertThatThrownBy(() -> purge.purge(now, 179))
        .isInstanceOf(BusinessException.class)
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("AUDIT_RETENTION_TOO_SHORT");
    // Even if the application's own logic asked for it, the database keeps younger rows.
    assertThatThrownBy(() -> log.purgeBefore(now.plusSeconds(1), now))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("younger than 180 days");
    assertThat(count()).isEqualTo(5);

    assertThat(purge.purge(now, 180)).isEqualTo(3);

    assertThat(
            jdbc.sql(
                    "SELECT object_id FROM audit.audit_event WHERE action = 'TEST_ACTION' ORDER BY id")
                .query(String.class)
                .list())
        .containsExactly("YOUNG-1", "YOUNG-2");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit.audit_event WHERE action = 'AUDIT_PURGE' AND result = 'SUCCESS'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT purged_through_id FROM audit.retention_anchor")
                .query(Long.class)
                .single())
        .isEqualTo(3);
    AuditVerification.Report report = verification.verify();
    assertThat(report.ok()).as(report.message()).isTrue();
    assertThat(report.checkedRows()).isEqualTo(3);

    // A second purge finds nothing more to delete and the chain still verifies.
    assertThat(purge.purge(now, 180)).isZero();
    assertThat(verification.verify().ok()).isTrue();
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM audit.audit_event").query(Long.class).single();
  }
}
