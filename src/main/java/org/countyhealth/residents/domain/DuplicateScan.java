package org.countyhealth.residents.domain;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.residents.MatchOutcome;
import org.countyhealth.residents.rules.MatchScore;
import org.countyhealth.residents.rules.MatchThresholds;
import org.countyhealth.residents.rules.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole-index duplicate scan, a background job on its own thread: one streamed pass over the
 * active residents per blocking key (name key, birth key, phone), scoring every pair within a block
 * and queueing pairs at or above the review threshold that nobody has decided yet.
 */
@Service
public class DuplicateScan implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DuplicateScan.class);
  private static final String[] KEYS = {"r.name_key", "r.birth_key", "r.phone"};

  public record Progress(
      long run, String state, long processed, long total, long pairsFound, long elapsedMillis) {

    public int percent() {
      return total == 0 ? ("DONE".equals(state) ? 100 : 0) : (int) (processed * 100 / total);
    }

    public boolean running() {
      return "RUNNING".equals(state);
    }
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate streaming;
  private final TransactionTemplate readOnly;
  private final DecisionRows decisions;
  private final MatchThresholds thresholds;
  private final AuditTrail auditTrail;
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "resident-duplicate-scan"));
  private final AtomicReference<Progress> progress =
      new AtomicReference<>(new Progress(0, "IDLE", 0, 0, 0, 0));
  private final AtomicLong runs = new AtomicLong();

  DuplicateScan(
      JdbcClient jdbc,
      DataSource dataSource,
      PlatformTransactionManager transactions,
      DecisionRows decisions,
      MatchThresholds thresholds,
      AuditTrail auditTrail) {
    this.jdbc = jdbc;
    this.streaming = new JdbcTemplate(dataSource);
    this.streaming.setFetchSize(5000);
    this.readOnly = new TransactionTemplate(transactions);
    this.readOnly.setReadOnly(true);
    this.decisions = decisions;
    this.thresholds = thresholds;
    this.auditTrail = auditTrail;
  }

  public Progress progress() {
    return progress.get();
  }

  /** Starts a scan in the background; false when one is already running. */
  public synchronized boolean start() {
    if (progress.get().running()) {
      return false;
    }
    long run = runs.incrementAndGet();
    progress.set(new Progress(run, "RUNNING", 0, 0, 0, 0));
    executor.submit(() -> scan(run));
    return true;
  }

  /** Runs a scan on the calling thread (benchmark); answers the final progress. */
  public synchronized Progress runNow() {
    long run = runs.incrementAndGet();
    progress.set(new Progress(run, "RUNNING", 0, 0, 0, 0));
    scan(run);
    return progress.get();
  }

  private void scan(long run) {
    long started = System.nanoTime();
    try {
      long active =
          jdbc.sql("SELECT COUNT(*) FROM residents.resident WHERE status = 'ACTIVE'")
              .query(Long.class)
              .single();
      long total = active * KEYS.length;
      Set<Long> decided = new HashSet<>();
      jdbc.sql(
              "SELECT resident_id, candidate_id FROM residents.match_decision"
                  + " WHERE candidate_id IS NOT NULL AND review_status IS NOT NULL")
          .query(
              rs -> {
                decided.add(pair(rs.getLong(1), rs.getLong(2)));
              });
      AtomicLong processed = new AtomicLong();
      AtomicLong found = new AtomicLong();
      List<DecisionRows.NewDecision> batch = new ArrayList<>();
      for (String key : KEYS) {
        List<Candidate> block = new ArrayList<>();
        Object[] current = {null};
        readOnly.executeWithoutResult(
            tx ->
                streaming.query(
                    "SELECT "
                        + ResidentRows.MATCH_COLUMNS
                        + ", "
                        + key
                        + " AS block_key FROM residents.resident r WHERE r.status = 'ACTIVE' AND "
                        + key
                        + " IS NOT NULL ORDER BY "
                        + key,
                    rs -> {
                      Object k = rs.getObject("block_key");
                      if (!k.equals(current[0])) {
                        compare(block, decided, batch, found);
                        block.clear();
                        current[0] = k;
                      }
                      block.add(ResidentRows.candidate(rs, 0));
                      long done = processed.incrementAndGet();
                      if (done % 10_000 == 0) {
                        progress.set(
                            new Progress(
                                run, "RUNNING", done, total, found.get(), millis(started)));
                      }
                    }));
        compare(block, decided, batch, found);
        // Written after each pass, never while the cursor of the read-only pass is open.
        flush(batch);
      }
      progress.set(new Progress(run, "DONE", total, total, found.get(), millis(started)));
      auditTrail.record(
          "RESIDENT_DUPLICATE_SCAN", "ResidentIndex", "scan-" + run, AuditResult.SUCCESS);
      log.info(
          "Duplicate scan {} found {} pairs in {}",
          run,
          found.get(),
          Duration.ofMillis(millis(started)));
    } catch (RuntimeException e) {
      Progress p = progress.get();
      progress.set(
          new Progress(run, "FAILED", p.processed(), p.total(), p.pairsFound(), millis(started)));
      auditTrail.record(
          "RESIDENT_DUPLICATE_SCAN", "ResidentIndex", "scan-" + run, AuditResult.FAILED);
      log.error("Duplicate scan {} failed", run, e);
    }
  }

  private void compare(
      List<Candidate> block,
      Set<Long> decided,
      List<DecisionRows.NewDecision> out,
      AtomicLong found) {
    for (int i = 0; i < block.size(); i++) {
      for (int j = i + 1; j < block.size(); j++) {
        Candidate a = block.get(i);
        Candidate b = block.get(j);
        if (a.ref() == b.ref() || decided.contains(pair(a.ref(), b.ref()))) {
          continue;
        }
        MatchScore s = Matcher.score(a.record(), b.record());
        MatchOutcome outcome = thresholds.decide(s);
        if (outcome != MatchOutcome.NEW) {
          decided.add(pair(a.ref(), b.ref()));
          found.incrementAndGet();
          out.add(
              new DecisionRows.NewDecision(
                  Math.max(a.ref(), b.ref()),
                  Math.min(a.ref(), b.ref()),
                  outcome,
                  s.total(),
                  s.describe(),
                  "SCAN"));
        }
      }
    }
  }

  private void flush(List<DecisionRows.NewDecision> batch) {
    if (!batch.isEmpty()) {
      decisions.insertAll(batch, LocalDateTime.now(Registration.CHINA));
      batch.clear();
    }
  }

  private static long pair(long a, long b) {
    return (Math.min(a, b) << 32) | Math.max(a, b);
  }

  private static long millis(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000;
  }

  @Override
  public void destroy() {
    executor.shutdownNow();
  }
}
