package org.countyhealth.referral.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.rules.Escalation;
import org.countyhealth.referral.rules.Escalation.Notice;
import org.countyhealth.referral.rules.ReferralStatus;
import org.countyhealth.referral.rules.StepDeadlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds steps past their deadline and escalates each once: a row of {@code referral.escalation}
 * (its primary key stops a second escalation of the same step, even from a concurrent run) and a
 * history line naming who is told. The office queue shows and filters the escalated referrals.
 */
@Component
public class ReferralEscalations {

  static final String ACTOR = "系统（超时升级）";
  private static final Logger log = LoggerFactory.getLogger(ReferralEscalations.class);
  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("MM-dd HH:mm");

  private final JdbcClient jdbc;
  private final StepDeadlines deadlines;
  private final TransactionTemplate tx;

  ReferralEscalations(
      JdbcClient jdbc, ReferralSettings settings, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.deadlines = settings.stepDeadlines();
    this.tx = new TransactionTemplate(transactions);
  }

  // Every five minutes by default, so a green-channel step (minutes) is escalated in time; "-"
  // switches the job off (the tests call escalate with their own instant).
  @Scheduled(cron = "${countyhealth.referral.escalation-cron:0 */5 * * * *}")
  void scheduled() {
    int n = escalate(Instant.now());
    if (n > 0) {
      log.info("escalated {} overdue referral steps", n);
    }
  }

  /** Escalates every step overdue at {@code now}; returns how many were escalated now. */
  public int escalate(Instant now) {
    LocalDateTime at = LocalDateTime.ofInstant(now, ZoneId.systemDefault());
    // The shortest deadline bounds the candidates; the rule decides each one.
    LocalDateTime startedBefore = at.minus(shortestDeadline());
    List<Candidate> candidates =
        jdbc.sql(
                "SELECT r.id, r.direction, r.status, r.green_channel, r.step_started_at"
                    + " FROM referral.referral r"
                    + " WHERE r.status IN ('SUBMITTED', 'APPROVED', 'RECEIVED', 'ACCEPTED')"
                    + " AND r.step_started_at < :before AND NOT EXISTS (SELECT 1 FROM"
                    + " referral.escalation e WHERE e.referral_id = r.id"
                    + " AND e.step_started_at = r.step_started_at)"
                    + " ORDER BY r.step_started_at, r.id")
            .param("before", startedBefore)
            .query(
                (rs, i) ->
                    new Candidate(
                        rs.getLong(1),
                        Direction.valueOf(rs.getString(2)),
                        ReferralStatus.valueOf(rs.getString(3)),
                        rs.getBoolean(4),
                        rs.getTimestamp(5).toLocalDateTime()))
            .list();
    int escalated = 0;
    for (Candidate c : candidates) {
      var notice =
          Escalation.due(deadlines, c.direction, c.status, c.green, c.stepStarted, false, at);
      if (notice.isPresent() && record(c, notice.get(), at)) {
        escalated++;
      }
    }
    return escalated;
  }

  private boolean record(Candidate c, Notice n, LocalDateTime at) {
    try {
      return Boolean.TRUE.equals(
          tx.execute(
              s -> {
                // Only if the referral still waits on this step: a transition may have won.
                int still =
                    jdbc.sql(
                            "UPDATE referral.referral SET updated_at = updated_at WHERE id = ?"
                                + " AND status = ? AND step_started_at = ?")
                        .params(c.id, c.status.name(), c.stepStarted)
                        .update();
                if (still == 0) {
                  return false;
                }
                jdbc.sql(
                        "INSERT INTO referral.escalation (referral_id, step, step_started_at,"
                            + " due_at, notified, escalated_at) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(c.id, n.step().name(), c.stepStarted, n.due(), n.notified().name(), at)
                    .update();
                jdbc.sql(
                        "INSERT INTO referral.history (referral_id, action, from_status,"
                            + " to_status, actor, reason, at) VALUES (?, 'ESCALATED', ?, ?, ?, ?, ?)")
                    .params(
                        c.id,
                        c.status.name(),
                        c.status.name(),
                        ACTOR,
                        "「"
                            + n.step().label()
                            + "」超过时限（"
                            + n.due().format(HHMM)
                            + "）未处理，已通知"
                            + n.notified().label(),
                        at)
                    .update();
                return true;
              }));
    } catch (DuplicateKeyException e) {
      return false; // a concurrent run escalated it first
    }
  }

  private java.time.Duration shortestDeadline() {
    java.time.Duration min = null;
    for (StepDeadlines.Step s : StepDeadlines.Step.values()) {
      for (boolean green : new boolean[] {true, false}) {
        var d = deadlines.allowed(s, green);
        min = min == null || d.compareTo(min) < 0 ? d : min;
      }
    }
    return min;
  }

  private record Candidate(
      long id,
      Direction direction,
      ReferralStatus status,
      boolean green,
      LocalDateTime stepStarted) {}
}
