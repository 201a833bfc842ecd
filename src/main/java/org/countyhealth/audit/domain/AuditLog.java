package org.countyhealth.audit.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.countyhealth.audit.rules.AuditEntry;
import org.countyhealth.audit.rules.HashChain;
import org.countyhealth.audit.rules.HashChain.Link;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit table. Every write locks the single chain-head row first ({@code SELECT ... FOR
 * UPDATE}, which H2 and PostgreSQL both honour), so ids and hashes form one linear chain however
 * many requests finish at once.
 */
@Repository
public class AuditLog {

  static final String COLUMNS =
      "id, occurred_at, actor_username, actor_account_id, facility_code, action, object_type,"
          + " object_id, result, http_method, path, status_code, client_address, correlation_id,"
          + " previous_hash, hash";

  private final JdbcClient jdbc;
  private final JdbcTemplate template;
  private final TransactionTemplate ownTransaction;

  AuditLog(JdbcTemplate template, PlatformTransactionManager transactions) {
    this.template = template;
    this.jdbc = JdbcClient.create(template);
    // An audit event is committed on its own: a caller's rollback must not erase it.
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  record Head(long lastId, String lastHash) {}

  record Anchor(long purgedThroughId, String hash) {}

  /** Appends one event (its id is ignored) and returns it as stored. */
  public Link append(AuditEntry draft) {
    return appendAll(List.of(draft)).get(0);
  }

  /** Appends events in order, in their own transaction (bulk loads use it too). */
  List<Link> appendAll(List<AuditEntry> drafts) {
    return ownTransaction.execute(status -> write(drafts));
  }

  /**
   * Appends events in the caller's transaction, which must be active: they commit or roll back with
   * the changes they describe. The chain head stays locked until that transaction ends, so callers
   * append last, just before they commit.
   */
  List<Link> appendWithCaller(List<AuditEntry> drafts) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException("appendWithCaller needs the caller's transaction");
    }
    return write(drafts);
  }

  private List<Link> write(List<AuditEntry> drafts) {
    Head head = lockHead();
    long id = head.lastId();
    String previous = head.lastHash();
    List<Link> links = new java.util.ArrayList<>(drafts.size());
    for (AuditEntry draft : drafts) {
      AuditEntry entry = draft.withId(++id);
      String hash = HashChain.hash(previous, entry);
      links.add(new Link(entry, previous, hash));
      previous = hash;
    }
    template.batchUpdate(
        "INSERT INTO audit.audit_event (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        links,
        1000,
        (ps, link) -> {
          AuditEntry e = link.entry();
          ps.setLong(1, e.id());
          ps.setObject(2, LocalDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC));
          ps.setString(3, e.actorUsername());
          ps.setObject(4, e.actorAccountId(), java.sql.Types.BIGINT);
          ps.setString(5, e.facilityCode());
          ps.setString(6, e.action());
          ps.setString(7, e.objectType());
          ps.setString(8, e.objectId());
          ps.setString(9, e.result());
          ps.setString(10, e.httpMethod());
          ps.setString(11, e.path());
          ps.setObject(12, e.statusCode(), java.sql.Types.INTEGER);
          ps.setString(13, e.clientAddress());
          ps.setString(14, e.correlationId());
          ps.setString(15, link.previousHash());
          ps.setString(16, link.hash());
        });
    jdbc.sql("UPDATE audit.chain_head SET last_id = ?, last_hash = ? WHERE id = 1")
        .params(id, previous)
        .update();
    return links;
  }

  Head lockHead() {
    return jdbc.sql("SELECT last_id, last_hash FROM audit.chain_head WHERE id = 1 FOR UPDATE")
        .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
        .single();
  }

  Head head() {
    return jdbc.sql("SELECT last_id, last_hash FROM audit.chain_head WHERE id = 1")
        .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
        .single();
  }

  /** The newest retention anchor, or the genesis before any purge. */
  Anchor anchor() {
    return jdbc.sql(
            "SELECT purged_through_id, anchor_hash FROM audit.retention_anchor"
                + " ORDER BY purged_through_id DESC LIMIT 1")
        .query((rs, n) -> new Anchor(rs.getLong(1), rs.getString(2)))
        .optional()
        .orElse(new Anchor(0, HashChain.GENESIS));
  }

  /** The next rows of the chain after {@code afterId}, up to {@code lastId}, in id order. */
  List<Link> linksAfter(long afterId, long lastId, int limit) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM audit.audit_event WHERE id > ? AND id <= ? ORDER BY id LIMIT ?")
        .params(afterId, lastId, limit)
        .query((rs, n) -> link(rs))
        .list();
  }

  Optional<Link> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM audit.audit_event WHERE id = ?")
        .param(id)
        .query((rs, n) -> link(rs))
        .optional();
  }

  /**
   * Deletes the oldest rows, all before {@code cutoff}, as one prefix of the chain (a row written
   * with an earlier clock after a newer one stays), and records the anchor in the same transaction.
   * Returns the number of rows deleted.
   */
  long purgeBefore(Instant cutoff, Instant now) {
    return ownTransaction.execute(
        status -> {
          Head head = lockHead();
          LocalDateTime cut = LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC);
          long firstKept =
              jdbc.sql("SELECT MIN(id) FROM audit.audit_event WHERE occurred_at >= ?")
                  .param(cut)
                  .query(Long.class)
                  .optional()
                  .orElse(head.lastId() + 1);
          Optional<Link> last =
              jdbc.sql(
                      "SELECT "
                          + COLUMNS
                          + " FROM audit.audit_event WHERE id < ? ORDER BY id DESC LIMIT 1")
                  .param(firstKept)
                  .query((rs, n) -> link(rs))
                  .optional();
          if (last.isEmpty()) {
            return 0L;
          }
          long through = last.get().entry().id();
          long deleted =
              jdbc.sql("DELETE FROM audit.audit_event WHERE id <= ?").param(through).update();
          jdbc.sql(
                  "INSERT INTO audit.retention_anchor"
                      + " (purged_at, purged_through_id, anchor_hash, purged_rows, cutoff)"
                      + " VALUES (?, ?, ?, ?, ?)")
              .params(
                  LocalDateTime.ofInstant(now, ZoneOffset.UTC),
                  through,
                  last.get().hash(),
                  deleted,
                  cut)
              .update();
          return deleted;
        });
  }

  static Link link(ResultSet rs) throws SQLException {
    AuditEntry entry =
        new AuditEntry(
            rs.getLong("id"),
            rs.getObject("occurred_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
            rs.getString("actor_username"),
            rs.getObject("actor_account_id", Long.class),
            rs.getString("facility_code"),
            rs.getString("action"),
            rs.getString("object_type"),
            rs.getString("object_id"),
            rs.getString("result"),
            rs.getString("http_method"),
            rs.getString("path"),
            rs.getObject("status_code", Integer.class),
            rs.getString("client_address"),
            rs.getString("correlation_id"));
    return new Link(entry, rs.getString("previous_hash"), rs.getString("hash"));
  }
}
